import type { MotivationScheme } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The workspace's motivation scheme, or null before one is set. */
export async function findScheme(db: Kysely<DB>, workspaceId: string): Promise<MotivationScheme | null> {
  const row = await db
    .selectFrom('motivation_schemes')
    .select('scheme')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row ? (row.scheme as MotivationScheme) : null;
}

export async function saveScheme(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  scheme: MotivationScheme,
): Promise<void> {
  const values = { scheme: JSON.stringify(scheme), updated_by: userId, updated_at: new Date() };
  await db
    .insertInto('motivation_schemes')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((conflict) => conflict.column('workspace_id').doUpdateSet(values))
    .execute();
}
