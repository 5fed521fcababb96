import { Id, isFileReference, maxFileBytes, type StoredFile } from '@voronka/domain';
import type { Kysely } from 'kysely';
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

/** A file with its bytes, from the actor's workspace only. */
export async function readFile(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db
    .selectFrom('files')
    .select(['id', 'name', 'content_type', 'size', 'created_at', 'data'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('File');
  return { file: toStoredFile(row), data: row.data };
}

/**
 * Form values with every file reference checked against the workspace's files and replaced by what is
 * stored (name, type and size come from the upload, not from the client). A reference to no file of the
 * workspace is refused, naming the field.
 */
export async function resolveFileValues(
  db: Kysely<DB>,
  actor: Actor,
  values: Readonly<Record<string, unknown>>,
  path: string,
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
