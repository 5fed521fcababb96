const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The month `offset` months from the one `today` is in, as YYYY-MM.
 *
 * @example monthOf(new Date(2026, 10, 29), -2) // "2026-09"
 */
export function monthOf(today: Date, offset: number): string {
  const date = new Date(today.getFullYear(), today.getMonth() + offset, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The first day of a YYYY-MM month. */
export function firstDay(month: string): string {
  return `${month}-01`;
}

/**
 * The last day of a YYYY-MM month.
 *
 * @example lastDay('2028-02') // "2028-02-29"
 */
export function lastDay(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(year, number, 0)).getUTCDate())}`;
}

/**
 * Every month from `from` to `to` (YYYY-MM, both included); empty when `to` comes first.
 *
 * @example monthsBetween('2026-11', '2027-02') // ["2026-11", "2026-12", "2027-01", "2027-02"]
 */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${pad(month)}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (months.length > 1200) break;
  }
  return months;
}
