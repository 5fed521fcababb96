import { NumberInput, SimpleGrid, Stack, Text, useMantineTheme } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import { formatMoney, formatMonth } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { type ReportCellRef, useReport } from '../../reports/api';
import { DrillDrawer } from '../../reports/components/DrillDrawer';
import { formatReportCell } from '../../reports/format-cell';
import type { ReportSelection } from '../../reports/report-query';
import { useBreakEven, useCashFlow } from '../api';
import { overTime } from '../chart-format';
import { averageMonthRevenue, costMonths } from '../dashboard-view';
import { Metric } from './Metric';

type Props = {
  from: string;
  to: string;
  /** Today as a calendar day: the month under way is left out of the break-even's costs. */
  today: string;
  /** Margin as a percent of revenue, typed by the owner; margin and break-even need it. */
  margin: number | null;
  onMarginChange: (margin: number | null) => void;
};

const money = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : formatMoney(value);

/**
 * The owner's money over the period: revenue and expenses (each opens its records), profit (with any
 * income booked outside deals), margin at the typed rate, break-even revenue (the period's average month
 * of expenses ÷ that rate), and the cash flow month by month with the balance carried over.
 */
export function MoneyWidget({ from, to, today, margin, onMarginChange }: Props) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const selection: ReportSelection = { report: 'activity-monthly', from, to, managerId: null };
  const monthly = useReport(selection);
  const cashFlow = useCashFlow(from, to);
  const costs = costMonths(from, to, today);
  // Without a typed rate the server measures one from the sales paid and their purchases.
  const breakEven = useBreakEven(costs.from, costs.to, margin === null ? null : margin / 100);
  const measured = breakEven.data?.marginMeasuredOn ?? null;
  const rate = margin !== null ? margin / 100 : (breakEven.data?.marginRate ?? null);
  const [cell, setCell] = useState<ReportCellRef | null>(null);
  const [typed, setTyped] = useState<string | number>(margin ?? '');

  const totals = monthly.data?.totals;
  const revenue = typeof totals?.revenue === 'number' ? totals.revenue : null;
  const expenses = typeof totals?.expenses === 'number' ? totals.expenses : null;
  const profit = typeof totals?.profit === 'number' ? totals.profit : null;
  const otherIncome = typeof totals?.otherIncome === 'number' ? totals.otherIncome : null;
  const months = cashFlow.data?.months ?? [];
  const balance = months.at(-1)?.balance ?? cashFlow.data?.openingBalance ?? null;
  const monthRevenue = monthly.data
    ? averageMonthRevenue(
        monthly.data.rows.map((row) => ({
          month: String(row.cells.month),
          revenue: typeof row.cells.revenue === 'number' ? row.cells.revenue : 0,
        })),
        costs,
      )
    : null;
  const breakEvenRevenue = breakEven.data?.revenue ?? null;
  const breakEvenCovered =
    breakEvenRevenue !== null && monthRevenue !== null && breakEvenRevenue > 0
      ? monthRevenue.revenue / breakEvenRevenue
      : null;

  const option = useMemo(
    () => ({
      ...overTime(months.map((month) => formatMonth(month.month))),
      series: [
        {
          type: 'bar',
          name: t('dashboard.money.income'),
          data: months.map((month) => month.income),
          itemStyle: { color: theme.colors.teal[6] },
          barMaxWidth: 32,
        },
        {
          type: 'bar',
          name: t('dashboard.money.expense'),
          data: months.map((month) => month.expense),
          itemStyle: { color: theme.colors.red[5] },
          barMaxWidth: 32,
        },
        {
          type: 'line',
          name: t('dashboard.money.balance'),
          data: months.map((month) => month.balance),
          itemStyle: { color: theme.colors.blue[7] },
        },
      ],
    }),
    [months, t, theme],
  );

  const drill = (column: string, value: number | null) =>
    value !== null && value !== 0 ? () => setCell({ row: null, column }) : undefined;

  return (
    <Section title={t('dashboard.money.title')} testId="widget-money">
      {monthly.isPending || cashFlow.isPending ? <PageLoader /> : null}
      {monthly.isError ? <LoadError error={monthly.error} onRetry={() => void monthly.refetch()} /> : null}
      {cashFlow.isError ? <LoadError error={cashFlow.error} onRetry={() => void cashFlow.refetch()} /> : null}
      <Stack gap="sm">
        {monthly.data ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Metric
              label={t('dashboard.money.revenue')}
              value={money(revenue)}
              raw={revenue}
              hint={t('dashboard.money.wonDeals', {
                count: Number(totals?.wonDeals ?? 0),
              })}
              onDrill={drill('revenue', revenue)}
              testId="money-revenue"
            />
            <Metric
              label={t('dashboard.money.expenses')}
              value={money(expenses)}
              raw={expenses}
              onDrill={drill('expenses', expenses)}
              testId="money-expenses"
            />
            <Metric
              label={t('dashboard.money.profit')}
              value={money(profit)}
              raw={profit}
              color={profit !== null && profit < 0 ? 'red' : undefined}
              hint={
                otherIncome
                  ? t('dashboard.money.profitWithOther', { other: formatMoney(otherIncome) })
                  : t('dashboard.money.profitHint')
              }
              testId="money-profit"
            />
            <Metric
              label={t('dashboard.money.cash')}
              value={money(balance)}
              raw={balance}
              hint={t('dashboard.money.cashHint')}
              testId="money-cash"
            />
          </SimpleGrid>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <NumberInput
            label={t('dashboard.money.marginRate')}
            description={
              margin !== null || !breakEven.data
                ? t('dashboard.money.marginRateHint')
                : measured && rate !== null
                  ? t('dashboard.money.marginMeasured', { count: measured.deals })
                  : t('dashboard.money.marginUnmeasured')
            }
            placeholder={margin === null && rate !== null ? formatReportCell(rate, 'percent') : undefined}
            value={typed}
            onChange={setTyped}
            onBlur={() =>
              onMarginChange(typeof typed === 'number' && typed > 0 && typed <= 100 ? typed : null)
            }
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
            }}
            min={0.1}
            max={100}
            decimalScale={2}
            suffix=" %"
            data-testid="money-margin-rate"
          />
          <Metric
            label={t('dashboard.money.margin')}
            value={
              rate !== null && revenue !== null ? formatMoney(Math.round(revenue * rate * 100) / 100) : '—'
            }
            raw={rate !== null && revenue !== null ? Math.round(revenue * rate * 100) / 100 : null}
            hint={rate === null ? t('dashboard.money.typeRate') : t('dashboard.money.marginHint')}
            testId="money-margin"
          />
          <Metric
            label={t('dashboard.money.breakEven')}
            value={breakEvenRevenue !== null ? formatMoney(Math.round(breakEvenRevenue)) : '—'}
            raw={breakEvenRevenue}
            hint={
              breakEven.data && breakEvenRevenue !== null
                ? t('dashboard.money.breakEvenHint', { costs: formatMoney(breakEven.data.fixedCosts) })
                : t('dashboard.money.typeRate')
            }
            testId="money-break-even"
          />
          <Metric
            label={t('dashboard.money.breakEvenCovered')}
            value={breakEvenCovered === null ? '—' : formatReportCell(breakEvenCovered, 'percent')}
            raw={breakEvenCovered}
            color={breakEvenCovered !== null && breakEvenCovered < 1 ? 'orange' : undefined}
            hint={t(
              monthRevenue?.complete === false
                ? 'dashboard.money.breakEvenCoveredSoFar'
                : 'dashboard.money.breakEvenCoveredHint',
            )}
            testId="money-break-even-covered"
          />
        </SimpleGrid>
        {breakEven.isError ? (
          <LoadError error={breakEven.error} onRetry={() => void breakEven.refetch()} />
        ) : null}
        {months.length > 0 ? (
          <>
            <Text fw={600} size="sm">
              {t('dashboard.money.cashFlow')}
            </Text>
            <EChart
              option={option}
              height={260}
              testId="cash-flow-chart"
              ariaLabel={t('dashboard.money.cashFlow')}
            />
          </>
        ) : null}
      </Stack>
      <DrillDrawer selection={selection} table={monthly.data} cell={cell} onClose={() => setCell(null)} />
    </Section>
  );
}
