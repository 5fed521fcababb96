import { invalid } from './errors';

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

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'string')
      return { value, id };
  } catch {
    // fall through to the error below
  }
  throw invalid('querystring.cursor', 'Not a cursor this API returned');
}
