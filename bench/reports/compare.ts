import type { ReportTable } from '@voronka/domain';
import type { Numbers } from './expected';

export interface Table {
  rows: Map<string, Numbers>;
  totals: Numbers;
}

const numericTypes = new Set(['integer', 'money', 'percent', 'number']);
/** Each type's last decimal place: the two sides may round a half differently, never by more. */
const tolerance: Record<string, number> = { integer: 0, money: 0.01, number: 0.01, percent: 0.0001 };

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** The numbers of a report's table by row key and column (its numeric columns only). */
export function endpointNumbers(table: ReportTable): { table: Table; types: Map<string, string> } {
  const types = new Map(
    table.columns.filter((c) => numericTypes.has(c.type)).map((c) => [c.key, c.type] as const),
  );
  const pick = (cells: Record<string, unknown>) =>
    Object.fromEntries([...types.keys()].map((key) => [key, toNumber(cells[key])]));
  return {
    table: {
      rows: new Map(table.rows.map((row) => [row.key, pick(row.cells)])),
      totals: pick(table.totals),
    },
    types,
  };
}

/** Rows of the hand-written SQL (key + numeric text) as numbers by key. */
export function sqlRows(rows: Record<string, unknown>[]): Map<string, Numbers> {
  return new Map(
    rows.map((row) => {
      const { key, ...rest } = row;
      return [String(key), Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toNumber(v)]))];
    }),
  );
}

/**
 * Every difference between the endpoint's numbers and the hand-written SQL's: a row on one side only,
 * or a cell (or a total) that differs by more than its type's last decimal place.
 */
export function differences(endpoint: Table, expected: Table, types: Map<string, string>): string[] {
  const found: string[] = [];
  const same = (a: number | null, b: number | null, type: string) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= (tolerance[type] ?? 0) + 1e-9;
  for (const key of new Set([...endpoint.rows.keys(), ...expected.rows.keys()])) {
    const mine = endpoint.rows.get(key);
    const theirs = expected.rows.get(key);
    if (!mine || !theirs) {
      found.push(
        `row ${key}: only in the ${mine ? 'endpoint' : 'hand-written SQL'} ${JSON.stringify(mine ?? theirs)}`,
      );
      continue;
    }
    for (const [column, type] of types) {
      if (!(column in theirs)) found.push(`row ${key}: the hand-written SQL has no ${column}`);
      else if (!same(mine[column] ?? null, theirs[column] ?? null, type))
        found.push(`row ${key}, ${column}: endpoint ${mine[column]}, SQL ${theirs[column]}`);
    }
  }
  for (const [column, type] of types) {
    if (!(column in expected.totals)) continue;
    if (!same(endpoint.totals[column] ?? null, expected.totals[column] ?? null, type))
      found.push(`totals, ${column}: endpoint ${endpoint.totals[column]}, SQL ${expected.totals[column]}`);
  }
  return found;
}
