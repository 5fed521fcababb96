import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { FinanceEntry } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatCalendarDate, formatMoney } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useDeleteEntry } from '../api';

type Props = {
  entries: FinanceEntry[];
  onEdit: (entry: FinanceEntry) => void;
};

/** The entries, latest first: income in green, expense in red; planned ones marked. */
export function EntriesTable({ entries, onEdit }: Props) {
  const { t } = useTranslation();
  const remove = useDeleteEntry();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover withTableBorder data-testid="entries-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('planning.finance.date')}</Table.Th>
            <Table.Th>{t('planning.finance.category')}</Table.Th>
            <Table.Th>{t('planning.finance.lineOfBusiness')}</Table.Th>
            <Table.Th>{t('planning.finance.counterparty')}</Table.Th>
            <Table.Th>{t('planning.finance.status')}</Table.Th>
            <Table.Th ta="right">{t('planning.finance.amount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={7} c="dimmed" data-testid="entries-empty">
                {t('planning.finance.noEntries')}
              </Table.Td>
            </Table.Tr>
          ) : null}
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid="entry-row" data-entry={entry.id}>
              <Table.Td>{formatCalendarDate(entry.occurredOn)}</Table.Td>
              <Table.Td>
                {entry.category}
                {entry.comment ? (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {entry.comment}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{entry.lineOfBusiness ?? '—'}</Table.Td>
              <Table.Td>{entry.counterparty ?? '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={entry.status === 'planned' ? 'gray' : 'blue'}>
                  {t(`planning.finance.statuses.${entry.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td
                ta="right"
                fw={600}
                c={entry.kind === 'income' ? 'teal.8' : 'red.8'}
                data-kind={entry.kind}
                data-value={entry.amount}
              >
                {entry.kind === 'income' ? '+' : '−'}
                {formatMoney(entry.amount)}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onEdit(entry)}
                    data-testid="edit-entry"
                  >
                    {t('common.edit')}
                  </Button>
                  <ConfirmButton
                    size="compact-xs"
                    question={t('planning.finance.deleteQuestion')}
                    onConfirm={() =>
                      remove.mutate(entry.id, {
                        onSuccess: () => notifySuccess(t('planning.finance.entryDeleted')),
                        onError: notifyError,
                      })
                    }
                  >
                    {t('common.delete')}
                  </ConfirmButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
