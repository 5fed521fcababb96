import type { ReportCell, ReportColumnType, ReportTable } from '@voronka/domain';
import { isNumericColumn } from './column-types';

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
