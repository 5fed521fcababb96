import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';

// The evaluate callbacks run in the page, so each spells out its own cell reading.

/** One row of a report table as the raw numbers of its cells, in column order. */
export async function rowNumbers(row: Locator): Promise<(number | null)[]> {
  return row.evaluate((element) =>
    Array.from(element.querySelectorAll('td')).map((cell) => {
      const value = cell.getAttribute('data-value');
      return value === null ? null : Number(value);
    }),
  );
}

/** Each row of the report table inside `scope` (totals last) as the raw numbers of its cells. */
export async function tableNumbers(scope: Locator): Promise<(number | null)[][]> {
  return scope.evaluate((element) =>
    Array.from(element.querySelectorAll('[data-testid="report-row"], [data-testid="report-totals"]')).map(
      (row) =>
        Array.from(row.querySelectorAll('td')).map((cell) => {
          const value = cell.getAttribute('data-value');
          return value === null ? null : Number(value);
        }),
    ),
  );
}

/** The rows under the header of the workbook's first sheet, each cell a number or null. */
export async function workbookNumbers(file: string): Promise<(number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The workbook has no sheet');
  const rows: (number | null)[][] = [];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const cells: (number | null)[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const value = row.getCell(column).value;
      cells.push(typeof value === 'number' ? value : null);
    }
    rows.push(cells);
  });
  return rows;
}
