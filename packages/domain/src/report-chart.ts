import type { ReportCell, ReportColumn, ReportColumnType, ReportTable } from './reports';

const numericTypes: readonly ReportColumnType[] = ['integer', 'money', 'percent', 'number'];

/** Counts, money, shares and other numbers: right-aligned, charted, never a bar's name. */
export function isNumericColumn(type: ReportColumnType): boolean {
  return numericTypes.includes(type);
}

/**
 * The column a report's chart draws: its first numeric column, unless that is all zeros over the
 * period (a flat chart says nothing), then the first that is not. Undefined for a table without numbers.
 */
export function chartMeasure(table: ReportTable): ReportColumn | undefined {
  const numeric = table.columns.filter((column) => isNumericColumn(column.type));
  return (
    numeric.find((column) => table.rows.some((row) => Number(row.cells[column.key] ?? 0) !== 0)) ?? numeric[0]
  );
}

/**
 * A name for each row's bar: its text cells joined, leaving out a column that is the same in every row
 * (one pipeline, say), which would give every bar the same name.
 *
 * @example rows (Продажи, Квалификация, Петров), (Продажи, Оплата, Иванова) → "Квалификация · Петров", "Оплата · Иванова"
 */
export function barLabels(
  table: ReportTable,
  format: (value: ReportCell, type: ReportColumnType) => string,
): string[] {
  const texts = table.columns.filter((column) => column.type !== 'id' && !isNumericColumn(column.type));
  const varying = texts.filter((column) =>
    table.rows.some((row) => row.cells[column.key] !== table.rows[0]?.cells[column.key]),
  );
  const shown = varying.length > 0 || table.rows.length > 1 ? varying : texts.slice(0, 1);
  return table.rows.map((row) => {
    const parts = shown.map((column) => format(row.cells[column.key] ?? null, column.type));
    return parts.length > 0 ? parts.join(' · ') : row.key;
  });
}
