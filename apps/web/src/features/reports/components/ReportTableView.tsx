import { Table, UnstyledButton } from '@mantine/core';
import { isNumericColumn, type ReportCell, type ReportColumn, type ReportTable } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import type { ReportCellRef } from '../api';
import { formatReportCell } from '../format-cell';

type Props = {
  table: ReportTable;
  onDrill: (cell: ReportCellRef) => void;
};

type CellProps = {
  column: ReportColumn;
  value: ReportCell;
  row: string | null;
  onDrill: (cell: ReportCellRef) => void;
};

function Cell({ column, value, row, onDrill }: CellProps) {
  const numeric = isNumericColumn(column.type);
  const shown = formatReportCell(value, column.type);
  const raw = typeof value === 'number' ? String(value) : undefined;
  const drillable = column.drill && typeof value === 'number' && value !== 0;
  return (
    <Table.Td ta={numeric ? 'right' : undefined} data-column={column.key} data-value={raw}>
      {drillable ? (
        <UnstyledButton
          onClick={() => onDrill({ row, column: column.key })}
          c="blue"
          fz="sm"
          td="underline"
          data-testid="report-cell"
          data-row={row ?? ''}
          data-column={column.key}
        >
          {shown}
        </UnstyledButton>
      ) : (
        shown
      )}
    </Table.Td>
  );
}

/** The report's rows and its totals; a number that stands for records opens them. */
export function ReportTableView({ table, onDrill }: Props) {
  const { t } = useTranslation();
  const columns = table.columns.filter((column) => column.type !== 'id');
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover withTableBorder data-testid="report-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} ta={isNumericColumn(column.type) ? 'right' : undefined}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length} c="dimmed" data-testid="report-empty">
                {t('reports.empty')}
              </Table.Td>
            </Table.Tr>
          ) : null}
          {table.rows.map((row) => (
            <Table.Tr key={row.key} data-testid="report-row" data-key={row.key}>
              {columns.map((column) => (
                <Cell
                  key={column.key}
                  column={column}
                  value={row.cells[column.key] ?? null}
                  row={row.key}
                  onDrill={onDrill}
                />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="report-totals">
            {columns.map((column, index) => (
              <Cell
                key={column.key}
                column={column}
                value={index === 0 ? t('reports.total') : (table.totals[column.key] ?? null)}
                row={null}
                onDrill={onDrill}
              />
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
