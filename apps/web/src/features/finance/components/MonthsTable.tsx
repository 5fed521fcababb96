import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMonth } from '../../../ui/format';

export type MonthRow = { month: string; income: number; expense: number; net: number; balance: number };

type Props = {
  openingBalance: number;
  months: readonly MonthRow[];
  /** The last column's heading: the balance at month end, or what would remain. */
  balanceLabel: string;
  testIds: { table: string; opening: string; month: string };
  /** Shown after a month's income or expense (where the what-if figure came from). */
  note?: (month: number, column: 'income' | 'expense') => ReactNode;
};

/** Months from an opening balance: income, expense, their net and the running balance (cash flow, what-if). */
export function MonthsTable({ openingBalance, months, balanceLabel, testIds, note }: Props) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder striped fz="sm" data-testid={testIds.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.finance.month')}</Table.Th>
          <Table.Th ta="right">{t('planning.finance.kinds.income')}</Table.Th>
          <Table.Th ta="right">{t('planning.finance.kinds.expense')}</Table.Th>
          <Table.Th ta="right">{t('planning.finance.net')}</Table.Th>
          <Table.Th ta="right">{balanceLabel}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr c="dimmed">
          <Table.Td colSpan={4}>{t('planning.finance.opening')}</Table.Td>
          <Table.Td ta="right" data-testid={testIds.opening} data-value={openingBalance}>
            {formatMoney(openingBalance)}
          </Table.Td>
        </Table.Tr>
        {months.map((month, index) => (
          <Table.Tr key={month.month} data-testid={testIds.month} data-month={month.month}>
            <Table.Td>{formatMonth(month.month)}</Table.Td>
            <Table.Td ta="right" data-column="income" data-value={month.income}>
              {formatMoney(month.income)}
              {note?.(index, 'income')}
            </Table.Td>
            <Table.Td ta="right" data-column="expense" data-value={month.expense}>
              {formatMoney(month.expense)}
              {note?.(index, 'expense')}
            </Table.Td>
            <Table.Td
              ta="right"
              data-column="net"
              data-value={month.net}
              c={month.net < 0 ? 'red.8' : undefined}
            >
              {formatMoney(month.net)}
            </Table.Td>
            <Table.Td ta="right" fw={600} data-column="balance" data-value={month.balance}>
              {formatMoney(month.balance)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
