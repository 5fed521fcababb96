import { SegmentedControl, Stack, Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../app/i18n';
import { EChart } from '../../../ui/EChart';
import { formatMoney, formatMonth } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { type CashFlow, type CashFlowFilter, useCashFlow } from '../api';
import { MonthsTable } from './MonthsTable';

type Props = {
  filter: CashFlowFilter;
  onStatus: (status: CashFlowFilter['status']) => void;
};

/** Income and expense by month as bars, what remains at each month's end as a line, and the same as a table. */
export function CashFlowPanel({ filter, onStatus }: Props) {
  const { t } = useTranslation();
  const flow = useCashFlow(filter);
  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        size="xs"
        value={filter.status}
        onChange={(value) => onStatus(value === 'planned' || value === 'all' ? value : 'actual')}
        data={[
          { value: 'actual', label: t('planning.finance.statuses.actual') },
          { value: 'planned', label: t('planning.finance.statuses.planned') },
          { value: 'all', label: t('planning.finance.both') },
        ]}
        data-testid="cash-flow-status"
      />
      {flow.isPending ? <PageLoader /> : null}
      {flow.isError ? <LoadError error={flow.error} onRetry={() => void flow.refetch()} /> : null}
      {flow.data ? (
        <>
          <CashFlowChart flow={flow.data} />
          <CashFlowTable flow={flow.data} />
        </>
      ) : null}
    </Stack>
  );
}

function CashFlowChart({ flow }: { flow: CashFlow }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: number) => formatMoney(Number(value)),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: flow.months.map((month) => formatMonth(month.month)) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (value: number) =>
            new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(value),
        },
      },
      series: [
        {
          name: t('planning.finance.kinds.income'),
          type: 'bar',
          data: flow.months.map((month) => month.income),
          itemStyle: { color: '#12b886' },
        },
        {
          name: t('planning.finance.kinds.expense'),
          type: 'bar',
          data: flow.months.map((month) => month.expense),
          itemStyle: { color: '#fa5252' },
        },
        {
          name: t('planning.finance.balance'),
          type: 'line',
          data: flow.months.map((month) => month.balance),
          itemStyle: { color: '#228be6' },
          lineStyle: { width: 3 },
        },
      ],
    }),
    [flow, t],
  );
  return (
    <EChart
      option={option}
      height={300}
      testId="cash-flow-chart"
      ariaLabel={t('planning.finance.cashFlow')}
    />
  );
}

function CashFlowTable({ flow }: { flow: CashFlow }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <MonthsTable
        openingBalance={flow.openingBalance}
        months={flow.months}
        balanceLabel={t('planning.finance.balance')}
        testIds={{ table: 'cash-flow-table', opening: 'cash-flow-opening', month: 'cash-flow-month' }}
      />
    </Table.ScrollContainer>
  );
}
