import type { Writable } from 'node:stream';
import type { ReportCell, ReportColumnType } from '@voronka/domain';
import ExcelJS from 'exceljs';
import { wallClock } from './report-scope';

/** What an export writes: typed columns and rows that may come from the database in batches. */
export interface Tabular {
  sheetName: string;
  columns: { label: string; type: ExportColumnType }[];
  rows: AsyncIterable<ReportCell[]>;
  /** A last row, "Итого" or "Total", under the others. */
  totals?: ReportCell[];
}

/** Report column types, and an instant (a drill record's time), written as wall-clock time in the zone. */
export type ExportColumnType = Exclude<ReportColumnType, 'id'> | 'datetime';

/** Excel's limit per sheet; longer exports continue on the next sheet, with the header repeated. */
const rowsPerSheet = 1_048_575;

const numberFormats: Partial<Record<ExportColumnType, string>> = {
  date: 'dd.mm.yyyy',
  month: 'mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
  integer: '#,##0',
  money: '#,##0.00',
  percent: '0.0%',
  number: '#,##0.00',
};

/** A calendar day or month as the Date Excel stores for it (midnight UTC, which ExcelJS writes as is). */
function calendarDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number?];
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}

function excelValue(value: ReportCell, type: ExportColumnType, timezone: string): ExcelJS.CellValue {
  if (value === null) return null;
  // The totals row says "Итого" ("Total") in its first column, whatever that column holds.
  if (typeof value === 'string' && !/^\d{4}-\d{2}/.test(value)) return value;
  if (type === 'date' || type === 'month') return calendarDate(String(value));
  if (type === 'datetime') return wallClock(String(value), timezone);
  if (type === 'text') return String(value);
  return Number(value);
}

/**
 * Streams an .xlsx with ExcelJS's WorkbookWriter: every row is committed as it is written, so memory
 * stays flat whatever the length; numbers and dates are real cells with formats.
 */
export async function writeXlsx(output: Writable, table: Tabular, timezone: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  let sheetIndex = 0;
  let written = 0;
  let sheet = newSheet();

  function newSheet() {
    sheetIndex += 1;
    const created = workbook.addWorksheet(
      sheetIndex === 1 ? table.sheetName : `${table.sheetName} ${sheetIndex}`,
      {
        views: [{ state: 'frozen', ySplit: 1 }],
      },
    );
    created.columns = table.columns.map((column) => ({
      header: column.label,
      width: Math.max(12, Math.min(50, column.label.length + 4)),
      style: numberFormats[column.type] ? { numFmt: numberFormats[column.type] } : {},
    }));
    created.getRow(1).font = { bold: true };
    created.getRow(1).commit();
    return created;
  }

  const add = (cells: ReportCell[]) => {
    if (written === rowsPerSheet) {
      sheet.commit();
      sheet = newSheet();
      written = 0;
    }
    const row = sheet.addRow(cells.map((value, i) => excelValue(value, table.columns[i]!.type, timezone)));
    row.commit();
    written += 1;
    return row;
  };
  for await (const cells of table.rows) add(cells);
  if (table.totals) add(table.totals).font = { bold: true };
  sheet.commit();
  await workbook.commit();
}

function csvText(value: ReportCell, type: ExportColumnType, timezone: string): string {
  if (value === null) return '';
  if (typeof value === 'string' && type !== 'text' && !/^\d{4}-\d{2}/.test(value)) return value;
  const decimal = (n: number, digits: number) =>
    String(Math.round(n * 10 ** digits) / 10 ** digits).replace('.', ',');
  switch (type) {
    case 'integer':
    case 'money':
    case 'number':
      return decimal(Number(value), 2);
    case 'percent':
      return `${decimal(Number(value) * 100, 2)}%`;
    case 'datetime':
      return wallClock(String(value), timezone).toISOString().slice(0, 16).replace('T', ' ');
    default:
      return String(value);
  }
}

const quote = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * Streams CSV the way Excel in a Russian locale opens it with a double click: UTF-8 with a byte order
 * mark, `;` between fields, a decimal comma, CRLF line ends; days as YYYY-MM-DD, shares as "12,5%".
 */
export async function writeCsv(output: Writable, table: Tabular, timezone: string): Promise<void> {
  const write = (line: string) =>
    output.write(line) ? Promise.resolve() : new Promise<void>((resolve) => output.once('drain', resolve));
  const line = (cells: ReportCell[]) =>
    `${cells.map((value, i) => quote(csvText(value, table.columns[i]!.type, timezone))).join(';')}\r\n`;
  await write(`\uFEFF${table.columns.map((column) => quote(column.label)).join(';')}\r\n`);
  let batch = '';
  for await (const cells of table.rows) {
    batch += line(cells);
    if (batch.length > 64 * 1024) {
      await write(batch);
      batch = '';
    }
  }
  if (table.totals) batch += line(table.totals);
  if (batch) await write(batch);
  output.end();
}
