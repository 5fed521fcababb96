import { describe, expect, it } from 'vitest';
import { canAdminister, canAssignRole, defaultVisibility, roles } from './roles';

describe('roles', () => {
  it('gives every role a default visibility: heads see their department, managers their own, owners all', () => {
    expect(Object.keys(defaultVisibility).sort()).toEqual([...roles].sort());
    expect(defaultVisibility.owner).toBe('all');
    expect(defaultVisibility.head_of_sales).toBe('department');
    expect(defaultVisibility.manager).toBe('own');
    expect(defaultVisibility.curator).toBe('all');
  });

  it('lets only owners and admins administer', () => {
    expect(roles.filter(canAdminister)).toEqual(['owner', 'admin']);
  });

  it('lets only an owner grant the owner role', () => {
    expect(canAssignRole('owner', 'owner')).toBe(true);
    expect(canAssignRole('admin', 'owner')).toBe(false);
    expect(canAssignRole('admin', 'manager')).toBe(true);
    expect(canAssignRole('head_of_sales', 'manager')).toBe(false);
  });
});
