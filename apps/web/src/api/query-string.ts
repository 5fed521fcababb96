type QueryValue = string | number | boolean | null | undefined;

/**
 * A query string from parameters, leaving out empty ones; starts with "?" unless there are none.
 *
 * @example queryString({ q: 'ромашка', cursor: undefined, limit: 50 }) // "?q=%D1%80...&limit=50"
 */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
