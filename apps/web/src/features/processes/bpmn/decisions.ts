import { type TaskDecision, taskDecisions } from '@voronka/domain';
import type { BusinessObject } from './business-object';

/** The decisions a user task offers (`voronka:decisions`), known ones only, in the canonical order. */
export function readDecisions(task: BusinessObject): TaskDecision[] {
  const listed = (task.decisions ?? '').split(/[\s,]+/);
  return taskDecisions.filter((decision) => listed.includes(decision));
}

/**
 * The task's properties for these decisions; none removes the attribute (a plain task).
 *
 * @example modeling.updateProperties(shape, decisionsProperties(['approve', 'reject'])) // voronka:decisions="approve reject"
 */
export function decisionsProperties(decisions: readonly string[]): { decisions: string | undefined } {
  const known = taskDecisions.filter((decision) => decisions.includes(decision));
  return { decisions: known.length > 0 ? known.join(' ') : undefined };
}
