import { z } from 'zod';

/** Every role a workspace member can hold; the order is from most to least powerful. */
export const roles = [
  'owner',
  'admin',
  'head_of_sales',
  'manager',
  'curator',
  'accountant',
  'hr',
  'employee',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** A sales manager's function in the hunter → closer → farmer chain. */
export const managerFunctions = ['hunter', 'closer', 'farmer', 'key_account'] as const;
export const ManagerFunction = z.enum(managerFunctions);
export type ManagerFunction = z.infer<typeof ManagerFunction>;

/** Which business records a role sees: its own, its department's (with sub-departments), or all. */
export const Visibility = z.enum(['own', 'department', 'all']);
export type Visibility = z.infer<typeof Visibility>;

/** Defaults written into a new workspace; an admin can change them per role. */
export const defaultVisibility: Record<Role, Visibility> = {
  owner: 'all',
  admin: 'all',
  head_of_sales: 'department',
  manager: 'own',
  curator: 'all',
  accountant: 'all',
  hr: 'own',
  employee: 'own',
};

/** Roles that administer the workspace: users, departments, roles, API tokens. */
export function canAdminister(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** Who draws, publishes and operates business processes: administrators and heads of sales. */
export function canEditProcesses(role: Role): boolean {
  return canAdminister(role) || role === 'head_of_sales';
}

/** Only an owner may make or unmake another owner. */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (!canAdminister(actor)) return false;
  return target !== 'owner' || actor === 'owner';
}
