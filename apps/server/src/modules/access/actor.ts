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

/** The actor's values that visibility conditions put into SQL, for a prepared query (db/prepared.ts). */
export type ActorParam = 'userId' | 'workspaceId' | 'departmentId';

/** Stand-ins for the actor's ids while a prepared query is built; the query's shape depends only on visibility. */
export function actorParams(param: (name: ActorParam) => string) {
  return { userId: param('userId'), workspaceId: param('workspaceId'), departmentId: param('departmentId') };
}

export function actorValues(actor: Actor): Record<ActorParam, string | null> {
  return { userId: actor.userId, workspaceId: actor.workspaceId, departmentId: actor.departmentId };
}

export function requireAdmin(actor: Actor): void {
  if (!canAdminister(actor.role) || !actor.scopes.includes('admin')) {
    throw forbidden('Only an owner or an admin can do this');
  }
}
