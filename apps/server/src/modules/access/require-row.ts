import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';

type Referenced = 'departments' | 'pipelines' | 'products';

/**
 * Refuses a reference to a row that is not in the actor's workspace: 400 naming the field at fault.
 *
 * @example await requireRow(db, 'pipelines', actor.workspaceId, body.pipelineId, 'body.pipelineId', 'pipeline')
 */
export async function requireRow(
  db: Kysely<DB>,
  table: Referenced,
  workspaceId: string,
  id: string | null | undefined,
  path: string,
  what: string,
): Promise<void> {
  if (!id) return;
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw invalid(path, `No such ${what}`);
}
