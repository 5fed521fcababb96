import type { ReportColumnType } from '@voronka/domain';

const numericTypes: readonly ReportColumnType[] = ['integer', 'money', 'percent', 'number'];

/** Counts, money, shares and other numbers: right-aligned, charted, never a bar's name. */
export function isNumericColumn(type: ReportColumnType): boolean {
  return numericTypes.includes(type);
}
