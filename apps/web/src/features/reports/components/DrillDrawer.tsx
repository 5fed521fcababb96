import { isNumericColumn, type ReportTable } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { type ReportCellRef, useReportDrill } from '../api';
import { formatReportCell } from '../format-cell';
import type { ReportSelection } from '../report-query';
import { RecordsDrawer } from './RecordsDrawer';

type Props = {
  selection: ReportSelection;
  table: ReportTable | undefined;
  cell: ReportCellRef | null;
  onClose: () => void;
  /** Overrides "column — row" as the drawer's title, when the number stands somewhere else on screen. */
  title?: string;
};

/** "Calls — Алексей Петров": the column and the row the number stands in. */
function cellTitle(table: ReportTable | undefined, cell: ReportCellRef, total: string): string {
  const column = table?.columns.find((item) => item.key === cell.column)?.label ?? cell.column;
  if (cell.row === null) return `${column} — ${total}`;
  const row = table?.rows.find((item) => item.key === cell.row);
  const label = table?.columns.find((item) => item.type !== 'id' && !isNumericColumn(item.type));
  return row && label ? `${column} — ${formatReportCell(row.cells[label.key] ?? null, label.type)}` : column;
}

/** The records behind the chosen number of a report. */
export function DrillDrawer({ selection, table, cell, onClose, title }: Props) {
  const { t } = useTranslation();
  const drill = useReportDrill(selection, cell);
  return (
    <RecordsDrawer
      opened={cell !== null}
      onClose={onClose}
      title={cell ? (title ?? cellTitle(table, cell, t('reports.total'))) : ''}
      records={drill}
    />
  );
}
