import { Group, SimpleGrid, Spoiler, Stack, Text, useMantineTheme } from '@mantine/core';
import type { MotivationSchemeBody, PayReport } from '@voronka/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { EChart } from '../../../ui/EChart';
import { formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { formatReportCell } from '../../reports/format-cell';
import { useMotivationScheme, usePay } from '../api';
import { Metric } from './Metric';

type Props = {
  from: string;
  to: string;
  asOf: string;
  personId: string;
  title: string;
};

type Person = PayReport['items'][number];

/** Points so far and at this pace against the salary thresholds and the plan's points. */
function pointsOption(
  person: Person,
  scheme: MotivationSchemeBody,
  labels: Record<string, string>,
  colors: string[],
) {
  // A salary step at the plan's points is one line: "Plan · 20 000 ₽".
  const steps = new Map<number, string[]>();
  const mark = (value: number, name: string) => steps.set(value, [...(steps.get(value) ?? []), name]);
  if (scheme.planPoints > 0) mark(scheme.planPoints, labels.plan ?? '');
  for (const step of scheme.salary) if (step.from > 0) mark(step.from, formatMoney(step.amount));
  const thresholds = [...steps].map(([value, names]) => ({ value, name: names.join(' · ') }));
  const largest = Math.max(person.forecast.points, ...thresholds.map((item) => item.value), 1);
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      max: Math.ceil(largest * 1.1),
      axisLabel: { show: false },
      splitLine: { show: false },
    },
    yAxis: { type: 'category', inverse: true, data: [labels.now, labels.forecast] },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: [
          { value: person.pay.points, itemStyle: { color: colors[0] } },
          { value: person.forecast.points, itemStyle: { color: colors[1] } },
        ],
        label: { show: true, position: 'right' },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { formatter: '{b}', position: 'start' },
          lineStyle: { type: 'dashed', color: colors[2] },
          data: thresholds.map((item) => ({ xAxis: item.value, name: item.name })),
        },
      },
    ],
  };
}

/** A manager's motivation for the period: points, where they stand against the thresholds, pay so far and the forecast. */
export function MotivationWidget({ from, to, asOf, personId, title }: Props) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const pay = usePay(from, to, asOf);
  const scheme = useMotivationScheme();
  const person = pay.data?.items.find((item) => item.userId === personId) ?? null;
  const noScheme = pay.error instanceof ApiError && pay.error.code === 'conflict';
  const option = useMemo(
    () =>
      person && scheme.data
        ? pointsOption(
            person,
            scheme.data,
            {
              now: t('dashboard.motivation.pointsNow'),
              forecast: t('dashboard.motivation.pointsForecast'),
              plan: t('dashboard.motivation.planPoints'),
            },
            [theme.colors.blue[6], theme.colors.blue[2], theme.colors.orange[6]],
          )
        : null,
    [person, scheme.data, t, theme],
  );

  return (
    <Section title={title} testId="widget-motivation">
      {pay.isPending ? <PageLoader /> : null}
      {noScheme ? (
        <Text c="dimmed" size="sm" data-testid="motivation-none">
          {t('dashboard.motivation.none')}
        </Text>
      ) : null}
      {pay.isError && !noScheme ? <LoadError error={pay.error} onRetry={() => void pay.refetch()} /> : null}
      {pay.data && !person ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.motivation.notCounted')}
        </Text>
      ) : null}
      {pay.data && person ? (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Metric
              label={t('dashboard.motivation.points')}
              value={formatReportCell(person.pay.points, 'number')}
              raw={person.pay.points}
              hint={
                person.pay.nextSalary
                  ? t('dashboard.motivation.toNext', {
                      missing: formatReportCell(person.pay.nextSalary.missing, 'number'),
                      amount: formatMoney(person.pay.nextSalary.amount),
                    })
                  : t('dashboard.motivation.topStep')
              }
              testId="motivation-points"
            />
            <Metric
              label={t('dashboard.motivation.planShare')}
              value={formatReportCell(person.pay.planShare, 'percent')}
              raw={person.pay.planShare}
              testId="motivation-plan-share"
            />
            <Metric
              label={t('dashboard.motivation.paySoFar')}
              value={formatMoney(person.pay.total)}
              raw={person.pay.total}
              hint={t('dashboard.motivation.paySplit', {
                salary: formatMoney(person.pay.salary),
                commission: formatMoney(person.pay.commission),
              })}
              testId="motivation-pay"
            />
            <Metric
              label={t('dashboard.motivation.payForecast')}
              value={formatMoney(person.forecast.total)}
              raw={person.forecast.total}
              hint={t('dashboard.motivation.forecastPoints', {
                points: formatReportCell(person.forecast.points, 'number'),
              })}
              testId="motivation-forecast"
            />
          </SimpleGrid>
          {option ? (
            <EChart
              option={option}
              height={140}
              testId="motivation-chart"
              ariaLabel={t('dashboard.motivation.chart')}
            />
          ) : null}
          <Group gap="xs" wrap="wrap">
            {person.pay.byAction.map((action) => (
              <Text key={action.action} size="xs" c="dimmed" data-testid="motivation-action">
                {t('dashboard.motivation.actionLine', {
                  action: t(
                    `dashboard.motivation.actions.${action.action}` as 'dashboard.motivation.actions.call',
                    {
                      defaultValue: action.action,
                    },
                  ),
                  count: action.count,
                  points: formatReportCell(action.points, 'number'),
                })}
              </Text>
            ))}
          </Group>
          <Spoiler
            maxHeight={0}
            showLabel={t('dashboard.motivation.formula')}
            hideLabel={t('dashboard.motivation.hideFormula')}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="motivation-formula">
              {pay.data.formula}
            </Text>
          </Spoiler>
        </Stack>
      ) : null}
    </Section>
  );
}
