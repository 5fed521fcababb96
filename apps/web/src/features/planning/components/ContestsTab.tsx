import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { type LeaderboardMetric, leaderboardMetrics, type ReportTable } from '@voronka/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import { formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { type Period, useLeaderboard } from '../api';
import { formatCount } from '../format';
import { PeriodInputs } from './PeriodInputs';

type Props = {
  period: Period;
  metric: LeaderboardMetric;
  onChange: (change: { period?: Period; metric?: LeaderboardMetric }) => void;
};

const shown = (metric: string, value: unknown) =>
  value === null || value === undefined
    ? '—'
    : metric === 'revenue'
      ? formatMoney(Number(value))
      : formatCount(Number(value));

/** A contest over a period: everyone ranked by deals, revenue, meetings, calls, proposals or points. */
export function ContestsTab({ period, metric, onChange }: Props) {
  const { t } = useTranslation();
  const board = useLeaderboard(period, metric);

  return (
    <Section title={t('planning.contests.title')} testId="contests">
      <Stack gap="md">
        <PeriodInputs period={period} onChange={(next) => onChange({ period: next })}>
          <SegmentedControl
            value={metric}
            onChange={(value) => onChange({ metric: value as LeaderboardMetric })}
            data={leaderboardMetrics.map((name) => ({
              value: name,
              label: t(`planning.contests.metrics.${name}`),
            }))}
            data-testid="contest-metric"
          />
        </PeriodInputs>
        {board.isPending ? <PageLoader /> : null}
        {board.isError ? <LoadError error={board.error} onRetry={() => void board.refetch()} /> : null}
        {board.data ? (
          <>
            <LeaderboardChart table={board.data} metric={metric} />
            <LeaderboardTable table={board.data} metric={metric} />
          </>
        ) : null}
      </Stack>
    </Section>
  );
}

function LeaderboardTable({ table, metric }: { table: ReportTable; metric: LeaderboardMetric }) {
  const { t } = useTranslation();
  if (table.rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('planning.contests.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped data-testid="leaderboard-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('planning.contests.rank')}</Table.Th>
            <Table.Th>{t('planning.fact.manager')}</Table.Th>
            {leaderboardMetrics.map((name) => (
              <Table.Th key={name} ta="right" c={name === metric ? 'blue' : undefined}>
                {t(`planning.contests.metrics.${name}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.key} data-testid="leaderboard-row" data-user={row.key}>
              <Table.Td fw={700}>{row.cells.rank}</Table.Td>
              <Table.Td>{row.cells.manager}</Table.Td>
              {leaderboardMetrics.map((name) => (
                <Table.Td
                  key={name}
                  ta="right"
                  fw={name === metric ? 700 : undefined}
                  data-column={name}
                  data-value={row.cells[name] ?? ''}
                >
                  {shown(name, row.cells[name])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One bar per person, the leader on top. */
function LeaderboardChart({ table, metric }: { table: ReportTable; metric: LeaderboardMetric }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const rows = [...table.rows].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((row) => String(row.cells.manager ?? '')) },
      series: [
        {
          name: t(`planning.contests.metrics.${metric}`),
          type: 'bar',
          data: rows.map((row) => Number(row.cells[metric] ?? 0)),
          itemStyle: { color: '#228be6' },
          label: {
            show: true,
            position: 'right',
            formatter: (item: { value: number }) => shown(metric, item.value),
          },
        },
      ],
    };
  }, [table, metric, t]);
  return (
    <EChart
      option={option}
      height={Math.max(160, table.rows.length * 44 + 24)}
      testId="leaderboard-chart"
      ariaLabel={t(`planning.contests.metrics.${metric}`)}
    />
  );
}
