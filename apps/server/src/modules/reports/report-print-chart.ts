import {
  barLabels,
  chartMeasure,
  escapeHtml,
  type ReportCell,
  type ReportColumnType,
  type ReportTable,
} from '@voronka/domain';

/**
 * Bars past this many would run over pages and tell less than the table below them: a longer report
 * prints its table alone.
 */
export const printChartBars = 40;

/**
 * The report's chart for paper: the same measure and bar names as the web page's chart, drawn in HTML
 * and CSS (no script runs in a print preview), longest bar full width, a negative value in red; names
 * and values written by `format`, as the table's cells are. Empty when the table has no numbers, no
 * rows or too many of them.
 */
export function renderPrintChart(
  table: ReportTable,
  format: (value: ReportCell, type: ReportColumnType) => string,
): string {
  const measure = chartMeasure(table);
  if (!measure || table.rows.length === 0 || table.rows.length > printChartBars) return '';
  const names = barLabels(table, format);
  const values = table.rows.map((row) => {
    const value = row.cells[measure.key];
    return typeof value === 'number' ? value : 0;
  });
  const longest = Math.max(...values.map(Math.abs));
  const bars = table.rows
    .map((row, index) => {
      const value = values[index]!;
      const width = longest > 0 ? Math.round((Math.abs(value) / longest) * 1000) / 10 : 0;
      return `<div class="bar"><span class="name">${escapeHtml(names[index] ?? row.key)}</span><span class="track"><span class="fill${value < 0 ? ' negative' : ''}" style="width: ${width}%"></span></span><span class="n">${escapeHtml(format(row.cells[measure.key] ?? null, measure.type))}</span></div>`;
    })
    .join('\n');
  return `<figure class="chart">
<figcaption>${escapeHtml(measure.label)}</figcaption>
${bars}
</figure>`;
}

/** The chart's look on screen and paper; colours print as they are. */
export const printChartStyle = `
  .chart { margin: 0 0 14px; break-inside: avoid; }
  .chart figcaption { font-weight: 600; margin: 0 0 4px; }
  .bar { display: grid; grid-template-columns: minmax(120px, 30%) 1fr 110px; gap: 8px; align-items: center; }
  .bar .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .track { display: block; height: 10px; }
  .fill { display: block; height: 10px; background: #228be6; border-radius: 2px;
    print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .fill.negative { background: #fa5252; }
`;
