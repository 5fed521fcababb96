import { Anchor, Drawer, Group, Stack, Text } from '@mantine/core';
import type { DrillRecord, DrillResult, ReportTable } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { type ReportCellRef, useReportDrill } from '../api';
import { formatReportCell, isNumericColumn } from '../format-cell';
import type { ReportSelection } from '../report-query';

type Props = {
  selection: ReportSelection;
  table: ReportTable | undefined;
  cell: ReportCellRef | null;
  onClose: () => void;
};

/** Records that have a card of their own; activities, tasks and finance entries are listed as text. */
const cardPaths: Partial<Record<DrillResult['entity'], string>> = {
  deal: '/deals',
  lead: '/leads',
  contact: '/contacts',
  company: '/companies',
};

/** "Calls — Алексей Петров": the column and the row the number stands in. */
function cellTitle(table: ReportTable | undefined, cell: ReportCellRef, total: string): string {
  const column = table?.columns.find((item) => item.key === cell.column)?.label ?? cell.column;
  if (cell.row === null) return `${column} — ${total}`;
  const row = table?.rows.find((item) => item.key === cell.row);
  const label = table?.columns.find((item) => item.type !== 'id' && !isNumericColumn(item.type));
  return row && label ? `${column} — ${formatReportCell(row.cells[label.key] ?? null, label.type)}` : column;
}

function RecordLine({ record, entity }: { record: DrillRecord; entity: DrillResult['entity'] }) {
  const { t } = useTranslation();
  const title = record.title ?? t('reports.untitled');
  const path = cardPaths[entity];
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="drill-record">
      <Stack gap={0} style={{ minWidth: 0 }}>
        {path ? (
          <Anchor component={Link} to={`${path}/${record.id}`} size="sm" truncate="end">
            {title}
          </Anchor>
        ) : (
          <Text size="sm" truncate="end">
            {title}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {formatDateTime(record.at)}
        </Text>
      </Stack>
      {record.amount !== null ? (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatMoney(record.amount)}
        </Text>
      ) : null}
    </Group>
  );
}

/** The records behind the chosen number, each opening its card when it has one. */
export function DrillDrawer({ selection, table, cell, onClose }: Props) {
  const { t } = useTranslation();
  const drill = useReportDrill(selection, cell);
  return (
    <Drawer
      opened={cell !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={cell ? cellTitle(table, cell, t('reports.total')) : ''}
      data-testid="drill-drawer"
    >
      {drill.isPending && cell ? <PageLoader /> : null}
      {drill.isError ? <LoadError error={drill.error} onRetry={() => void drill.refetch()} /> : null}
      {drill.data ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="drill-count">
            {drill.data.total > drill.data.items.length
              ? t('reports.drillShown', { shown: drill.data.items.length, total: drill.data.total })
              : t('reports.drillTotal', { count: drill.data.total })}
          </Text>
          {drill.data.items.map((record) => (
            <RecordLine key={record.id} record={record} entity={drill.data.entity} />
          ))}
        </Stack>
      ) : null}
    </Drawer>
  );
}
