import { Stack, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { HistoryEntity, HistoryEntry } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useHistory } from '../api';
import { groupHistory } from '../group-history';

type Props = {
  entity: HistoryEntity;
  recordId: string;
  /** The translated name of a field, e.g. "responsibleId" → "Responsible". */
  fieldLabel: (field: string) => string;
  /** A readable value, e.g. a user's name instead of their id. */
  formatValue: (field: string, value: unknown) => string;
};

const icons = { create: IconPlus, update: IconPencil, delete: IconTrash } as const;
const colors = { create: 'teal', update: 'indigo', delete: 'red' } as const;
const verbs = { create: 'history.created', update: 'history.changed', delete: 'history.deleted' } as const;

/** A record's history: who changed what and when, each field as old → new. */
export function HistoryList({ entity, recordId, fieldLabel, formatValue }: Props) {
  const { t } = useTranslation();
  const history = useHistory(entity, recordId);

  if (history.isPending) return <PageLoader />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('history.empty')}
      </Text>
    );
  }

  // A new record lists the values it was created with; empty ones (such as no UTM tags) say nothing.
  const isShown = (change: HistoryEntry) =>
    change.action !== 'create' ||
    change.field === null ||
    formatValue(change.field, change.newValue) !== t('common.none');

  const describeChange = (change: HistoryEntry & { field: string }) => {
    const newValue = formatValue(change.field, change.newValue);
    if (change.action === 'create') return `${fieldLabel(change.field)}: ${newValue}`;
    return `${fieldLabel(change.field)}: ${formatValue(change.field, change.oldValue)} → ${newValue}`;
  };

  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="history">
      {groupHistory(history.data).map((group) => {
        const Icon = icons[group.action];
        return (
          <Timeline.Item
            key={group.key}
            bullet={<Icon size={13} />}
            color={colors[group.action]}
            data-testid="history-entry"
            title={
              <Text size="sm" fw={500}>
                {group.actor?.name ?? t('history.system')}{' '}
                <Text span size="sm" c="dimmed" fw={400}>
                  {t(verbs[group.action])}
                </Text>
              </Text>
            }
          >
            <Stack gap={2} mt={2}>
              {group.changes.filter(isShown).map((change) =>
                change.field === null ? null : (
                  <Text key={change.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {describeChange({ ...change, field: change.field })}
                  </Text>
                ),
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(group.at)}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
