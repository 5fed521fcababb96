import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, InvitationsTable } from '../../db/schema';

export function toInvitation(row: Selectable<InvitationsTable>) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    function: row.function,
    departmentId: row.department_id,
    expiresAt: row.expires_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export function findInvitationByToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markInvitationAccepted(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('invitations').set({ accepted_at: new Date() }).where('id', '=', id).execute();
}

export function listInvitations(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function insertInvitation(db: Kysely<DB>, values: Insertable<InvitationsTable>) {
  return db.insertInto('invitations').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function deleteInvitation(db: Kysely<DB>, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('invitations')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
