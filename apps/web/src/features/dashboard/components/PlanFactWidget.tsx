import { Alert, Anchor, Badge, Stack, Table, Text, UnstyledButton, useMantineTheme } from '@mantine/core';
import type { Plan, PlanFact } from '@voronka/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart } from '../../../ui/EChart';
import { formatCalendarDate } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { indicatorName } from '../../planning/format';
import type { ReportCellRef } from '../../reports/api';
import { DrillDrawer } from '../../reports/components/DrillDrawer';
import { formatReportCell } from '../../reports/format-cell';
import type { ReportSelection } from '../../reports/report-query';
import { usePlanFact, usePlans } from '../api';
import { overTime } from '../chart-format';
import { type DashboardFilters, planForPeriod } from '../dashboard-view';

type Props = {
  filters: DashboardFilters;
  asOf: string;
  /**
   * Whose plan: one person (a manager's own, or the one a head picked), whose facts open the records
   * behind them; the whole team the reader sees when null.
   */
  personId: string | null;
  title: string;
};

type Indicator = PlanFact['indicators'][number];

/** The managers report column whose records stand behind a plan indicator's fact, if one does. */
function drillColumn(plan: Plan, indicator: Indicator): string | null {
  if (indicator.id === 'sales') return 'wonDeals';
  if (indicator.id === 'revenue') return 'wonSum';
  const step = plan.indicators.find((item) => item.id === indicator.id);
  return step?.activity === 'call' ? 'calls' : null;
}

const shown = (indicator: Indicator, value: number) =>
  formatReportCell(value, indicator.id === 'revenue' ? 'money' : 'number');

/**
 * The plan of the period against the fact so far: per indicator where the fact should be by now, the
 * forecast to the period's end at this pace and a warning when it falls behind; the revenue day by day.
 */
export function PlanFactWidget({ filters, asOf, personId, title }: Props) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const plans = usePlans();
  const plan = plans.data ? planForPeriod(plans.data, filters.from, filters.to) : null;
  const fact = usePlanFact(plan?.id ?? null, asOf);
  const [cell, setCell] = useState<ReportCellRef | null>(null);
  const [drillTitle, setDrillTitle] = useState('');

  const person = personId ? fact.data?.managers.find((manager) => manager.userId === personId) : null;
  const indicators = personId ? person?.indicators : fact.data?.indicators;
  const behind = (indicators ?? []).filter((indicator) => indicator.behindPace);
  const factEnd = plan && fact.data ? (fact.data.asOf < plan.to ? fact.data.asOf : plan.to) : asOf;
  const selection: ReportSelection | null =
    plan && personId
      ? { report: 'managers', from: plan.from, to: factEnd, managerId: personId, pipelineId: plan.pipelineId }
      : null;

  const days = fact.data?.days ?? [];
  // The days chart is the team's; for one person picked out of a team it would not be theirs.
  const chartShown = days.length > 0 && (!personId || fact.data?.managers.length === 1);
  const option = useMemo(
    () => ({
      ...overTime(days.map((day) => formatCalendarDate(day.day))),
      series: [
        {
          type: 'line',
          name: t('dashboard.plan.cumulativePlan'),
          data: days.map((day) => day.cumulativePlan.revenue ?? 0),
          lineStyle: { type: 'dashed' },
          itemStyle: { color: theme.colors.gray[6] },
          showSymbol: false,
        },
        {
          type: 'line',
          name: t('dashboard.plan.cumulativeFact'),
          data: days.map((day) => day.cumulativeFact.revenue ?? 0),
          itemStyle: { color: theme.colors.blue[6] },
          areaStyle: { opacity: 0.12 },
          showSymbol: false,
        },
      ],
    }),
    [days, t, theme],
  );

  const open = (indicator: Indicator, column: string) => {
    setDrillTitle(`${indicatorName(indicator.id, indicator.name)}: ${shown(indicator, indicator.fact)}`);
    setCell({ row: null, column });
  };

  return (
    <Section title={title} testId="widget-plan">
      {plans.isPending || (plan && fact.isPending) ? <PageLoader /> : null}
      {plans.isError ? <LoadError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {fact.isError ? <LoadError error={fact.error} onRetry={() => void fact.refetch()} /> : null}
      {plans.data && !plan ? (
        <Text c="dimmed" size="sm" data-testid="plan-none">
          {t('dashboard.plan.none')}{' '}
          <Anchor component={Link} to="/planning" size="sm">
            {t('dashboard.plan.toPlanning')}
          </Anchor>
        </Text>
      ) : null}
      {plan && fact.data && !indicators ? (
        <Text c="dimmed" size="sm" data-testid="plan-not-in">
          {t('dashboard.plan.notInPlan', { plan: plan.name })}
        </Text>
      ) : null}
      {plan && fact.data && indicators ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="plan-name">
            {t('dashboard.plan.period', {
              plan: plan.name,
              from: formatCalendarDate(plan.from),
              to: formatCalendarDate(plan.to),
              elapsed: fact.data.daysElapsed,
              days: fact.data.daysInPeriod,
            })}
          </Text>
          {behind.length > 0 ? (
            <Alert color="orange" variant="light" p="xs" data-testid="plan-behind">
              {t('dashboard.plan.behind', {
                indicators: behind.map((item) => indicatorName(item.id, item.name)).join(', '),
              })}
            </Alert>
          ) : null}
          <Table.ScrollContainer minWidth={520}>
            <Table striped withTableBorder data-testid="plan-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.plan.indicator')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.plan.plan')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.plan.fact')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.plan.expected')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.plan.forecast')}</Table.Th>
                  <Table.Th>{t('dashboard.plan.pace')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicators.map((indicator) => {
                  const column = selection && indicator.fact > 0 ? drillColumn(plan, indicator) : null;
                  return (
                    <Table.Tr key={indicator.id} data-testid="plan-row" data-indicator={indicator.id}>
                      <Table.Td>{indicatorName(indicator.id, indicator.name)}</Table.Td>
                      <Table.Td ta="right" data-column="plan" data-value={indicator.plan}>
                        {shown(indicator, indicator.plan)}
                      </Table.Td>
                      <Table.Td ta="right" data-column="fact" data-value={indicator.fact}>
                        {column ? (
                          <UnstyledButton
                            onClick={() => open(indicator, column)}
                            c="blue"
                            fz="sm"
                            td="underline"
                            data-testid="plan-fact-drill"
                          >
                            {shown(indicator, indicator.fact)}
                          </UnstyledButton>
                        ) : (
                          shown(indicator, indicator.fact)
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{shown(indicator, indicator.expectedByNow)}</Table.Td>
                      <Table.Td ta="right" data-column="forecast" data-value={indicator.forecast}>
                        {shown(indicator, indicator.forecast)}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={indicator.behindPace ? 'orange' : 'green'}
                          variant="light"
                          data-testid="plan-pace"
                        >
                          {indicator.behindPace ? t('dashboard.plan.behindPace') : t('dashboard.plan.onPace')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {chartShown ? (
            <EChart option={option} height={240} testId="plan-chart" ariaLabel={t('dashboard.plan.chart')} />
          ) : null}
        </Stack>
      ) : null}
      {selection ? (
        <DrillDrawer
          selection={selection}
          table={undefined}
          cell={cell}
          title={drillTitle}
          onClose={() => setCell(null)}
        />
      ) : null}
    </Section>
  );
}
