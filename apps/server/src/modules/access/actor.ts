import type { ApiScope, ManagerFunction, Role, Visibility } from '@voronka/domain';
import { canAdminister } from '@voronka/domain';
import { forbidden } from '../../http/errors';

/** Who is making a request, resolved once per request from a session cookie or an API token. */
export interface Actor {
  userId: string;
  workspaceId: string;
  name: string;
  role: Role;
  function: ManagerFunction | null;
  departmentId: string | null;
  visibility: Visibility;
  via: 'session' | 'token';
  sessionId: string | null;
  scopes: readonly ApiScope[];
}

export function requireAdmin(actor: Actor): void {
  if (!canAdminister(actor.role) || !actor.scopes.includes('admin')) {
    throw forbidden('Only an owner or an admin can do this');
  }
}
