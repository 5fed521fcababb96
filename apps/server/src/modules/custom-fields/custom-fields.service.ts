import type {
  CreateCustomFieldBody,
  CustomField,
  CustomFieldEntity,
  UpdateCustomFieldBody,
} from '@voronka/domain';
import { validateCustomValues } from '@voronka/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { CustomFieldsTable, DB } from '../../db/schema';
import { AppError, notFound } from '../../http/errors';
import { type Actor, requireAdmin } from '../access/actor';

function toCustomField(row: Selectable<CustomFieldsTable>): CustomField {
  return {
    id: row.id,
    entity: row.entity as CustomFieldEntity,
    key: row.key,
    label: row.label,
    type: row.type as CustomField['type'],
    options: (row.options ?? []) as string[],
    position: row.position,
  };
}

export async function findCustomFields(
  db: Kysely<DB>,
  actor: Actor,
  entity?: CustomFieldEntity,
): Promise<CustomField[]> {
  let query = db.selectFrom('custom_fields').selectAll().where('workspace_id', '=', actor.workspaceId);
  if (entity) query = query.where('entity', '=', entity);
  return (await query.orderBy('entity').orderBy('position').orderBy('label').execute()).map(toCustomField);
}

export async function createCustomField(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateCustomFieldBody>,
): Promise<CustomField> {
  requireAdmin(actor);
  if ((input.type === 'select' || input.type === 'multiselect') && input.options.length === 0) {
    throw new AppError('validation_failed', 'body.options: a list field needs options', [
      { path: 'body.options', message: 'A list field needs options' },
    ]);
  }
  const existing = await db
    .selectFrom('custom_fields')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('entity', '=', input.entity)
    .where('key', '=', input.key)
    .executeTakeFirst();
  if (existing)
    throw new AppError('conflict', `The field key "${input.key}" is taken`, [
      { path: 'body.key', message: 'already used' },
    ]);
  const row = await db
    .insertInto('custom_fields')
    .values({
      workspace_id: actor.workspaceId,
      entity: input.entity,
      key: input.key,
      label: input.label,
      type: input.type,
      options: JSON.stringify(input.options),
      position: input.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCustomField(row);
}

/** The key and type stay: stored values and stage requirements refer to them. */
export async function updateCustomField(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateCustomFieldBody>,
): Promise<CustomField> {
  requireAdmin(actor);
  const row = await db
    .updateTable('custom_fields')
    .set({
      label: input.label,
      options: input.options === undefined ? undefined : JSON.stringify(input.options),
      position: input.position,
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Custom field');
  return toCustomField(row);
}

export async function deleteCustomField(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const result = await db
    .deleteFrom('custom_fields')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Custom field');
}

/** Refuses custom values that do not fit the workspace's fields for this kind of record, naming each. */
export async function requireValidCustom(
  db: Kysely<DB>,
  actor: Actor,
  entity: CustomFieldEntity,
  values: Record<string, unknown> | undefined,
): Promise<void> {
  if (!values || Object.keys(values).length === 0) return;
  const fields = await findCustomFields(db, actor, entity);
  const userIds = fields.some((field) => field.type === 'user')
    ? new Set(
        (
          await db.selectFrom('users').select('id').where('workspace_id', '=', actor.workspaceId).execute()
        ).map((row) => row.id),
      )
    : new Set<string>();
  const issues = validateCustomValues(fields, values, userIds);
  if (issues.length > 0)
    throw new AppError('validation_failed', `${issues[0]?.path}: ${issues[0]?.message}`, issues);
}
