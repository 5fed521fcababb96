import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useDebts } from '../api';

/** Planned expenses not yet paid, per creditor; overdue ones first and in red. */
export function DebtsPanel() {
  const { t } = useTranslation();
  const debts = useDebts();
  if (debts.isPending) return <PageLoader />;
  if (debts.isError) return <LoadError error={debts.error} onRetry={() => void debts.refetch()} />;
  const { data } = debts;
  return (
    <div data-testid="debts">
      <Group gap="xl" mb="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('planning.finance.debtTotal')}
          </Text>
          <Text fw={700} data-testid="debts-total" data-value={data.total}>
            {formatMoney(data.total)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('planning.finance.overdue')}
          </Text>
          <Text
            fw={700}
            c={data.overdue > 0 ? 'red.8' : undefined}
            data-testid="debts-overdue"
            data-value={data.overdue}
          >
            {formatMoney(data.overdue)}
          </Text>
        </div>
      </Group>
      {data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('planning.finance.noDebts')}
        </Text>
      ) : (
        <Table withTableBorder striped fz="sm" data-testid="debts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planning.finance.counterparty')}</Table.Th>
              <Table.Th ta="right">{t('planning.finance.amount')}</Table.Th>
              <Table.Th ta="right">{t('planning.finance.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((item) => (
              <Table.Tr key={item.counterparty ?? ''} data-testid="debt-row">
                <Table.Td>
                  {item.counterparty ?? t('planning.finance.noCounterparty')}
                  {item.nextDue ? (
                    <Text size="xs" c="dimmed">
                      {t('planning.finance.nextDueOn', { date: formatCalendarDate(item.nextDue) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(item.amount)}
                </Table.Td>
                <Table.Td
                  ta="right"
                  c={item.overdue > 0 ? 'red.8' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {item.overdue > 0 ? formatMoney(item.overdue) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
