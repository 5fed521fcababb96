import { Id, isFileReference, isStoredFile, maxFileBytes, type StoredFile } from '@voronka/domain';
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';

type FileRow = { id: string; name: string; content_type: string; size: number; created_at: Date };

const toStoredFile = (row: FileRow): StoredFile => ({
  id: row.id,
  name: row.name,
  contentType: row.content_type,
  size: row.size,
  createdAt: row.created_at.toISOString(),
});

/** Keeps an uploaded file in the workspace. An empty file is refused: it is always a mistake. */
export async function saveFile(
  db: Kysely<DB>,
  actor: Actor,
  file: { name: string; contentType: string; data: Buffer },
): Promise<StoredFile> {
  if (file.data.length === 0) throw invalid('body', 'The file is empty');
  if (file.data.length > maxFileBytes)
    throw new AppError('payload_too_large', `A file may be at most ${maxFileBytes / 1024 / 1024} MB`);
  const row = await db
    .insertInto('files')
    .values({
      workspace_id: actor.workspaceId,
      name: file.name,
      content_type: file.contentType,
      size: file.data.length,
      data: file.data,
      uploaded_by: actor.userId,
    })
    .returning(['id', 'name', 'content_type', 'size', 'created_at'])
    .executeTakeFirstOrThrow();
  return toStoredFile(row);
}

/**
 * Who may download a file (the files row `f`): the person who uploaded it, and, once it is attached to a
 * process task, whoever may see that process instance, as the instance monitor decides: everyone beyond
 * "own" visibility; with "own", its initiator and the people its tasks are assigned or offered to.
 */
function mayRead(actor: Actor) {
  const involved =
    actor.visibility === 'own'
      ? sql<SqlBool>`(exists (select 1 from process_instances i
            where i.workspace_id = f.workspace_id and i.id = f.instance_id and i.initiator_id = ${actor.userId})
          or exists (select 1 from process_tasks t
            where t.workspace_id = f.workspace_id and t.instance_id = f.instance_id
              and (t.assignee_id = ${actor.userId} or (t.assignee_id is null and t.candidate_role = ${actor.role}))))`
      : sql<SqlBool>`true`;
  return sql<SqlBool>`(f.uploaded_by = ${actor.userId} or (f.instance_id is not null and ${involved}))`;
}

/** A file with its bytes, if the actor may see it; any other is "not found", not "forbidden". */
export async function readFile(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db
    .selectFrom('files as f')
    .select(['f.id', 'f.name', 'f.content_type', 'f.size', 'f.created_at', 'f.data'])
    .where('f.workspace_id', '=', actor.workspaceId)
    .where('f.id', '=', id)
    .where(mayRead(actor))
    .executeTakeFirst();
  if (!row) throw notFound('File');
  return { file: toStoredFile(row), data: row.data };
}

/**
 * A task's form values with every file reference checked and replaced by what is stored (name, type and
 * size come from the upload, not from the client). A file may be one the actor uploaded and has not
 * attached anywhere yet, or one already attached to this task's process (a form sent back keeps its
 * file). Any other reference is refused, naming the field: otherwise knowing a file's id would be
 * enough to carry it into a process that shows it to other people.
 */
export async function resolveFileValues(
  db: Kysely<DB>,
  actor: Actor,
  values: Readonly<Record<string, unknown>>,
  path: string,
  taskId: string,
): Promise<Record<string, unknown>> {
  const references = Object.entries(values).filter(([, value]) => isFileReference(value)) as [
    string,
    { id: string },
  ][];
  if (references.length === 0) return { ...values };
  const ids = references.map(([, value]) => value.id).filter((id) => Id.safeParse(id).success);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('files')
          .select(['id', 'name', 'content_type', 'size', 'created_at'])
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', 'in', ids)
          .where(
            sql<SqlBool>`((instance_id is null and uploaded_by = ${actor.userId}) or instance_id = (
              select instance_id from process_tasks where workspace_id = ${actor.workspaceId} and id = ${taskId}))`,
          )
          .execute();
  const found = new Map(rows.map((row) => [row.id, toStoredFile(row)]));
  const resolved: Record<string, unknown> = { ...values };
  for (const [field, value] of references) {
    const file = found.get(value.id);
    if (!file) throw invalid(`${path}.${field}`, 'No such file: upload it first');
    resolved[field] = file;
  }
  return resolved;
}

/** The files of completed form values now belong to the task's process instance (see `mayRead`). */
export async function attachFiles(
  db: Kysely<DB>,
  actor: Actor,
  values: Readonly<Record<string, unknown>>,
  instanceId: string,
): Promise<void> {
  const ids = Object.values(values).flatMap((value) => (isStoredFile(value) ? [value.id] : []));
  if (ids.length === 0) return;
  await db
    .updateTable('files')
    .set({ instance_id: instanceId })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', 'in', ids)
    .where('instance_id', 'is', null)
    .execute();
}
