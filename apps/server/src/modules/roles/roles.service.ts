import type { Role, RoleSetting, Visibility } from '@voronka/domain';
import { roles } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { announceActorChange } from '../../http/actor-cache';
import { type Actor, requireAdmin } from '../access/actor';

export async function findRoleSettings(db: Kysely<DB>, actor: Actor): Promise<RoleSetting[]> {
  const rows = await db
    .selectFrom('role_settings')
    .select(['role', 'visibility'])
    .where('workspace_id', '=', actor.workspaceId)
    .execute();
  return rows.sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
}

export async function changeRoleVisibility(
  db: Kysely<DB>,
  actor: Actor,
  role: Role,
  visibility: Visibility,
): Promise<RoleSetting> {
  requireAdmin(actor);
  await db
    .insertInto('role_settings')
    .values({ workspace_id: actor.workspaceId, role, visibility })
    .onConflict((oc) => oc.columns(['workspace_id', 'role']).doUpdateSet({ visibility }))
    .execute();
  await announceActorChange(db, actor.workspaceId);
  return { role, visibility };
}
