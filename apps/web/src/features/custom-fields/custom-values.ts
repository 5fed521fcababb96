import type { CustomField } from '@voronka/domain';

type Formatters = {
  money: (amount: number) => string;
  date: (isoDate: string) => string;
  yes: string;
  no: string;
  userName: (id: string) => string | undefined;
};

/**
 * A custom value as text for a card or a table; null when there is nothing to show.
 *
 * @example formatCustomValue({ type: 'multiselect', … }, ['Опт', 'Розница'], formatters) // "Опт, Розница"
 */
export function formatCustomValue(
  field: Pick<CustomField, 'type'>,
  value: unknown,
  formatters: Formatters,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? formatters.money(value) : String(value);
    case 'date':
      return typeof value === 'string' ? formatters.date(value) : String(value);
    case 'boolean':
      return value === true ? formatters.yes : formatters.no;
    case 'multiselect':
      return Array.isArray(value) && value.length > 0 ? value.join(', ') : null;
    case 'user':
      return typeof value === 'string' ? (formatters.userName(value) ?? value) : String(value);
    default:
      return String(value);
  }
}

/**
 * Only the custom values that differ from the saved ones, with cleared values sent as null, so that
 * a save touches (and records in history) what the person changed.
 *
 * @example changedCustomValues({ a: 1, b: 'x' }, { a: 1, b: '' }) // { b: null }
 */
export function changedCustomValues(
  saved: Readonly<Record<string, unknown>>,
  edited: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const empty = (value: unknown) =>
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  for (const key of new Set([...Object.keys(saved), ...Object.keys(edited)])) {
    const before = empty(saved[key]) ? null : saved[key];
    const after = empty(edited[key]) ? null : edited[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[key] = after;
  }
  return changes;
}
