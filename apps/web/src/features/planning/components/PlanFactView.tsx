import { Alert, Badge, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Plan, PlanFact } from '@voronka/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../app/i18n';
import { EChart } from '../../../ui/EChart';
import { formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { usePlanFact } from '../api';
import { formatCount, indicatorName } from '../format';
import { planFactSeries } from '../plan-fact-series';

type Props = {
  plan: Plan;
};

type Indicator = PlanFact['indicators'][number];

const shown = (indicator: { id: string }, value: number) =>
  indicator.id === 'revenue' ? formatMoney(value) : formatCount(value);

/** Plan against fact as of a day: per indicator, per manager, and day by day with the forecast. */
export function PlanFactView({ plan }: Props) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState('');
  const fact = usePlanFact(plan.id, asOf || null);
  const [chosen, setChosen] = useState('sales');

  if (fact.isPending) return <PageLoader />;
  if (fact.isError) return <LoadError error={fact.error} onRetry={() => void fact.refetch()} />;
  const data = fact.data;
  const behind = data.indicators.filter((indicator) => indicator.behindPace);

  return (
    <Stack gap="md" data-testid="plan-fact">
      <Group align="flex-end" gap="md">
        <TextInput
          type="date"
          label={t('planning.fact.asOf')}
          value={asOf || data.asOf}
          onChange={(event) => setAsOf(event.currentTarget.value)}
          w={170}
          data-testid="plan-fact-as-of"
        />
        <Text size="sm" c="dimmed" pb={8} data-testid="plan-fact-days">
          {t('planning.fact.days', { elapsed: data.daysElapsed, total: data.daysInPeriod })}
        </Text>
      </Group>
      {behind.length > 0 ? (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={t('planning.fact.behindTitle')}
          data-testid="behind-pace"
        >
          {behind
            .map((indicator) =>
              t('planning.fact.behindLine', {
                indicator: indicatorName(indicator.id, indicator.name),
                fact: shown(indicator, indicator.fact),
                expected: shown(indicator, indicator.expectedByNow),
                forecast: shown(indicator, indicator.forecast),
                plan: shown(indicator, indicator.plan),
              }),
            )
            .join(' · ')}
        </Alert>
      ) : data.daysElapsed > 0 ? (
        <Alert color="teal" data-testid="on-pace">
          {t('planning.fact.onPace')}
        </Alert>
      ) : null}
      <IndicatorTable indicators={data.indicators} />
      <Stack gap={4}>
        <SegmentedControl
          value={data.indicators.some((indicator) => indicator.id === chosen) ? chosen : 'sales'}
          onChange={setChosen}
          data={data.indicators.map((indicator) => ({
            value: indicator.id,
            label: indicatorName(indicator.id, indicator.name),
          }))}
          data-testid="plan-fact-indicator"
        />
        <PlanFactChart plan={plan} fact={data} indicatorId={chosen} />
      </Stack>
      <ManagersTable fact={data} />
    </Stack>
  );
}

function IndicatorTable({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder striped data-testid="plan-fact-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('planning.decomposition.indicator')}</Table.Th>
            <Table.Th ta="right">{t('planning.fact.plan')}</Table.Th>
            <Table.Th ta="right">{t('planning.fact.expected')}</Table.Th>
            <Table.Th ta="right">{t('planning.fact.fact')}</Table.Th>
            <Table.Th ta="right">{t('planning.fact.forecast')}</Table.Th>
            <Table.Th>{t('planning.fact.pace')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((indicator) => (
            <Table.Tr key={indicator.id} data-testid="plan-fact-row" data-indicator={indicator.id}>
              <Table.Td fw={500}>{indicatorName(indicator.id, indicator.name)}</Table.Td>
              <Table.Td ta="right" data-column="plan" data-value={indicator.plan}>
                {shown(indicator, indicator.plan)}
              </Table.Td>
              <Table.Td ta="right" data-column="expected" data-value={indicator.expectedByNow}>
                {shown(indicator, indicator.expectedByNow)}
              </Table.Td>
              <Table.Td ta="right" data-column="fact" data-value={indicator.fact}>
                {shown(indicator, indicator.fact)}
              </Table.Td>
              <Table.Td ta="right" data-column="forecast" data-value={indicator.forecast}>
                {shown(indicator, indicator.forecast)}
              </Table.Td>
              <Table.Td>
                {indicator.behindPace ? (
                  <Badge color="orange" variant="light">
                    {t('planning.fact.behind')}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('planning.fact.onTrack')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ManagersTable({ fact }: { fact: PlanFact }) {
  const { t } = useTranslation();
  if (fact.managers.length === 0) return null;
  const columns = fact.indicators;
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {t('planning.fact.byManager')}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder striped data-testid="plan-fact-managers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planning.fact.manager')}</Table.Th>
              {columns.map((indicator) => (
                <Table.Th key={indicator.id} ta="right">
                  {indicatorName(indicator.id, indicator.name)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fact.managers.map((manager) => (
              <Table.Tr key={manager.userId} data-testid="plan-fact-manager" data-manager={manager.userId}>
                <Table.Td fw={500}>{manager.name}</Table.Td>
                {manager.indicators.map((indicator) => (
                  <Table.Td
                    key={indicator.id}
                    ta="right"
                    c={indicator.behindPace ? 'orange.8' : undefined}
                    data-column={indicator.id}
                    data-value={indicator.fact}
                    title={t('planning.fact.cellTitle', {
                      expected: shown(indicator, indicator.expectedByNow),
                      forecast: shown(indicator, indicator.forecast),
                    })}
                  >
                    {shown(indicator, indicator.fact)} / {shown(indicator, indicator.plan)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        {t('planning.fact.byManagerHint')}
      </Text>
    </div>
  );
}

/** "29 Nov" / "29 нояб.": the year is the plan's, the axis needs only the day. */
function dayLabel(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

type ChartProps = {
  plan: Plan;
  fact: PlanFact;
  indicatorId: string;
};

/** Cumulative fact against the plan line, with the forecast to the period's end dashed. */
function PlanFactChart({ plan, fact, indicatorId }: ChartProps) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const series = planFactSeries(plan.from, plan.to, fact, indicatorId);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 36, bottom: 32 },
      xAxis: {
        type: 'category',
        data: series.days.map(dayLabel),
        boundaryGap: false,
      },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('planning.fact.planLine'),
          type: 'line',
          data: series.plan,
          showSymbol: false,
          lineStyle: { color: '#868e96' },
          itemStyle: { color: '#868e96' },
        },
        {
          name: t('planning.fact.factLine'),
          type: 'line',
          data: series.fact,
          showSymbol: false,
          lineStyle: { width: 3, color: '#228be6' },
          itemStyle: { color: '#228be6' },
        },
        {
          name: t('planning.fact.forecastLine'),
          type: 'line',
          data: series.forecast,
          showSymbol: false,
          lineStyle: { type: 'dashed', color: '#fd7e14' },
          itemStyle: { color: '#fd7e14' },
        },
      ],
    };
  }, [plan.from, plan.to, fact, indicatorId, t]);
  return (
    <EChart option={option} height={300} testId="plan-fact-chart" ariaLabel={t('planning.fact.chart')} />
  );
}
