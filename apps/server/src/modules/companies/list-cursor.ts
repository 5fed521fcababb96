import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';

/** Where the previous page ended: the last record's creation time (to the microsecond) and id. */
export interface ListCursor {
  createdAt: string;
  id: string;
}

const createdAtPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * The `cursor` query parameter: opaque to clients, refused with its path when it was not made here.
 *
 * @example ListCursor.parse(encodeCursor({ createdAt: '2025-01-31T09:00:00.123456Z', id }))
 */
export const ListCursor = z
  .string()
  .max(200)
  .transform((value, ctx): ListCursor => {
    const [createdAt = '', id = '', ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
    if (rest.length > 0 || !createdAtPattern.test(createdAt) || !z.uuid().safeParse(id).success) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor this server returned' });
      return z.NEVER;
    }
    return { createdAt, id };
  });

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/**
 * The creation time as text with every microsecond: a JavaScript Date keeps only milliseconds,
 * and a cursor rounded to them would skip records created within the same millisecond.
 */
export function createdAtKey(table: 'companies' | 'contacts'): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(`${table}.created_at`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after the cursor in the order `created_at desc, id desc`. */
export function afterCursor(table: 'companies' | 'contacts', cursor: ListCursor): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${table}.created_at`)}, ${sql.ref(`${table}.id`)}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
}

/** Splits the `limit + 1` rows a list query fetched into one page and the cursor of the next. */
export function toPage<Row extends { id: string; cursor_at: string }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null;
  return { items: page.map(toItem), nextCursor };
}

/** `q` as a LIKE prefix pattern, its wildcards taken literally. */
export function prefixPattern(q: string): string {
  return `${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
