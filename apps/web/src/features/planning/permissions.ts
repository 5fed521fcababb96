import type { Role } from '@voronka/domain';

/**
 * Who sets plans and the motivation scheme; mirrors the server's rule (planning/plans.service.ts
 * `canPlan`), which still has the last word: a refusal is shown, not hidden.
 */
export function canPlan(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'head_of_sales';
}
