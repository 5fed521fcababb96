import { z } from 'zod';

/** Business record kinds whose changes are kept in history. */
export const historyEntities = [
  'lead',
  'deal',
  'contact',
  'company',
  'task',
  'pipeline',
  'user',
  'department',
] as const;
export const HistoryEntity = z.enum(historyEntities);
export type HistoryEntity = z.infer<typeof HistoryEntity>;

export const HistoryEntry = z
  .object({
    id: z.string(),
    entity: HistoryEntity,
    recordId: z.uuid(),
    action: z.enum(['create', 'update', 'delete']),
    field: z.string().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    at: z.string(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * The fields whose values differ between two versions of a record, in the order of `after`.
 * Values are compared by their JSON form so that dates and nested objects compare by content.
 *
 * @example diffRecords({ a: 1, b: 2 }, { a: 1, b: 3 }) // [{ field: 'b', oldValue: 2, newValue: 3 }]
 */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: readonly string[] = ['updatedAt', 'updated_at'],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after)) {
    if (ignore.includes(field)) continue;
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ field, oldValue, newValue });
  }
  return changes;
}
