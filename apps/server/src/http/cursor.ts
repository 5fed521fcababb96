import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { invalid } from './errors';
import type { EncodedJson } from './serializer';

/**
 * Keyset pagination: the cursor carries the sort value and id of the last row of a page, so the next
 * page starts right after it however many rows were added or removed meanwhile.
 */
export interface CursorPosition {
  value: string | number;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url');
}

function readCursor(cursor: string): CursorPosition | null {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'string')
      return { value, id };
  } catch {
    // not one of ours
  }
  return null;
}

export function decodeCursor(cursor: string): CursorPosition {
  const position = readCursor(cursor);
  if (!position) throw invalid('querystring.cursor', 'Not a cursor this API returned');
  return position;
}

/**
 * The `cursor` query parameter as a schema, decoded at validation and refused there with its path.
 *
 * @example z.strictObject({ cursor: CursorQuery.optional() })
 */
export const CursorQuery = z
  .string()
  .max(500)
  .transform((value, ctx): CursorPosition => {
    const position = readCursor(value);
    if (!position || !z.uuid().safeParse(position.id).success) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor this server returned' });
      return z.NEVER;
    }
    return position;
  });

/**
 * A timestamp as text with every microsecond: a JavaScript Date keeps only milliseconds, and a cursor
 * rounded to them would skip rows written within the same millisecond.
 *
 * @example query.select(exactTime('leads.created_at').as('sort_key'))
 */
export function exactTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A timestamp as `Date.toISOString` prints it: UTC, milliseconds (microseconds cut, as a Date does). */
export function isoTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const valuePatterns = {
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  numeric: /^-?\d+(\.\d+)?$/,
  text: /^/,
} as const;

export interface KeysetOrder {
  /** The sort column, e.g. `leads.created_at`. */
  column: string;
  /** Its type, to read the cursor's value back exactly. */
  type: keyof typeof valuePatterns;
  /** The id column that breaks ties, e.g. `leads.id`. */
  id: string;
  order: 'asc' | 'desc';
}

/**
 * Rows after the cursor in the order (column, id), ascending or descending; a cursor whose value does
 * not fit the sort column is refused rather than sent to the database.
 */
export function afterCursor(keyset: KeysetOrder, after: CursorPosition): Expression<SqlBool> {
  const value = String(after.value);
  if (!valuePatterns[keyset.type].test(value) || !z.uuid().safeParse(after.id).success)
    throw invalid('querystring.cursor', 'Not a cursor for this sort');
  const comparison = sql.raw(keyset.order === 'desc' ? '<' : '>');
  return sql<SqlBool>`(${sql.ref(keyset.column)}, ${sql.ref(keyset.id)}) ${comparison} (cast(${value} as ${sql.raw(keyset.type)}), ${after.id}::uuid)`;
}

/**
 * Splits the `limit + 1` rows a list query fetched into one page and the cursor of the next, as the
 * page's JSON text for `preEncoded`: each row's JSON was written by PostgreSQL. Turning rows into
 * objects, dates and JSON again cost the server about as much as the query of a list page.
 */
export function toEncodedPage(
  rows: readonly { id: string; sort_key: string; json: string }[],
  limit: number,
): EncodedJson {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ value: last.sort_key, id: last.id }) : null;
  // The rows joined by `join` make one flat string, which encodes fast; see `encodedOnce`.
  return [
    '{"items":[',
    page.map((row) => row.json).join(','),
    `],"nextCursor":${JSON.stringify(nextCursor)}}`,
  ];
}

/** `q` as a LIKE prefix pattern, its wildcards taken literally. */
export function prefixPattern(q: string): string {
  return `${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
