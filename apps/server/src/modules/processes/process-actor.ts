import { canEditProcesses } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { forbidden } from '../../http/errors';
import type { Actor } from '../access/actor';

/**
 * Who a process acts as when it changes CRM records: its initiator (so history names a person), or
 * the workspace owner when it started by itself (a trigger, a timer), with full visibility — only
 * admins publish processes, and a process must reach the records it was built for.
 */
export async function processActor(
  trx: Kysely<DB>,
  workspaceId: string,
  initiatorId: string | null,
): Promise<Actor> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'name', 'department_id', 'function'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => (initiatorId ? eb('id', '=', initiatorId) : eb('role', '=', 'owner')))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    workspaceId,
    name: user.name,
    role: 'admin',
    function: user.function,
    departmentId: user.department_id,
    visibility: 'all',
    via: 'token',
    sessionId: null,
    scopes: ['read', 'write', 'admin'],
  };
}

/**
 * Who may draw, publish and operate processes: owners, admins and heads of sales (who run the
 * department's processes day to day), with a token that carries the write scope.
 */
export function requireProcessEditor(actor: Actor): void {
  if (!canEditProcesses(actor.role) || !actor.scopes.includes('write')) {
    throw forbidden('Only owners, admins and heads of sales can change business processes');
  }
}
