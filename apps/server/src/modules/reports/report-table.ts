import type {
  drillEntities,
  ReportCell,
  ReportColumn,
  ReportColumnType,
  ReportFilterName,
  ReportName,
  ReportTable,
} from '@voronka/domain';
import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import type { ReportScope } from './report-scope';

export type DrillEntity = (typeof drillEntities)[number];

/** One record behind a number, as every drill query selects it. */
export interface DrillRow {
  id: string;
  title: string | null;
  at: Date;
  amount: string | number | null;
  responsible_id: string | null;
}

/** The records behind one cell: a query that selects DrillRow columns, never ordered or limited. */
export interface DrillSource {
  entity: DrillEntity;
  query: RawBuilder<DrillRow>;
}

export interface Cell {
  /** The row's key; undefined for the totals row. */
  row?: string;
  column: string;
}

/** A report: the filters it understands, its table, and the records behind any cell of it. */
export interface ReportDefinition {
  name: ReportName;
  filters: readonly ReportFilterName[];
  build(db: Kysely<DB>, scope: ReportScope): Promise<ReportTable>;
  drill(db: Kysely<DB>, scope: ReportScope, cell: Cell): Promise<DrillSource>;
}

export const column = (key: string, label: string, type: ReportColumnType, drill = false): ReportColumn => ({
  key,
  label,
  type,
  drill,
});

export type Row = ReportTable['rows'][number];
export type Cells = Record<string, ReportCell>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;
const month = /^\d{4}-\d{2}$/;
export const keyParts = { uuid, day, month, any: /^[^~]*$/ } as const;

/** Joins a row's dimensions into its key; "-" stands for none (an unassigned lead, a missing source). */
export function rowKey(...parts: (string | null)[]): string {
  return parts.map((part) => part ?? '-').join('~');
}

/**
 * The dimensions of a row key, each checked against its pattern, so a forged key is a 400 naming `row`
 * and never reaches SQL as a malformed value. "-" comes back as null.
 */
export function parseRowKey(key: string, patterns: readonly RegExp[]): (string | null)[] {
  const parts = key.split('~');
  if (parts.length !== patterns.length) throw invalid('querystring.row', 'Not a row of this report');
  return parts.map((part, i) => {
    if (part === '-') return null;
    if (!patterns[i]!.test(part)) throw invalid('querystring.row', 'Not a row of this report');
    return part;
  });
}

/** The column a drill asks for, if the report can drill into it. */
export function requireDrillColumn(columns: readonly ReportColumn[], key: string): ReportColumn {
  const found = columns.find((candidate) => candidate.key === key);
  if (!found?.drill) throw invalid('querystring.column', 'Not a column that can be drilled into');
  return found;
}

/** A share with a zero denominator has no value. */
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export const money = (value: string | number | null | undefined): number =>
  Math.round(Number(value ?? 0) * 100) / 100;

export function sumColumn(rows: readonly Row[], key: string): number {
  return Math.round(rows.reduce((sum, row) => sum + Number(row.cells[key] ?? 0), 0) * 100) / 100;
}
