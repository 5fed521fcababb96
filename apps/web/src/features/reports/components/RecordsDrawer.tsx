import { Anchor, Drawer, Group, Stack, Text } from '@mantine/core';
import type { DrillRecord, DrillResult } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { formatCount } from '../format-cell';

/** The state of the query that lists the records (a TanStack Query result fits). */
export type RecordsQuery = {
  data: DrillResult | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

type Props = {
  opened: boolean;
  title: string;
  records: RecordsQuery;
  onClose: () => void;
};

/** Records that have a card of their own; activities, tasks and finance entries are listed as text. */
const cardPaths: Partial<Record<DrillResult['entity'], string>> = {
  deal: '/deals',
  lead: '/leads',
  contact: '/contacts',
  company: '/companies',
};

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

/**
 * The records behind a number (a report cell, a dashboard count), each opening its card when it has
 * one: the drill-down drawer of the reports and the start page.
 */
export function RecordsDrawer({ opened, title, records, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={title}
      data-testid="drill-drawer"
    >
      {records.isPending && opened ? <PageLoader /> : null}
      {records.isError ? <LoadError error={records.error} onRetry={() => void records.refetch()} /> : null}
      {records.data ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="drill-count">
            {records.data.total > records.data.items.length
              ? t('reports.drillShown', {
                  shown: records.data.items.length,
                  total: formatCount(records.data.total, records.data.totalOver),
                })
              : t('reports.drillTotal', { count: records.data.total })}
          </Text>
          {records.data.items.map((record) => (
            <RecordLine key={record.id} record={record} entity={records.data!.entity} />
          ))}
        </Stack>
      ) : null}
    </Drawer>
  );
}
