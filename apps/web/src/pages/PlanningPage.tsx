import { Tabs } from '@mantine/core';
import { type LeaderboardMetric, leaderboardMetrics } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Period } from '../features/planning/api';
import { ContestsTab } from '../features/planning/components/ContestsTab';
import { MotivationTab } from '../features/planning/components/MotivationTab';
import { PlansTab } from '../features/planning/components/PlansTab';
import { thisMonth } from '../features/reports/report-query';
import { PageHeader } from '../ui/PageHeader';

const tabs = ['plans', 'motivation', 'contests'] as const;
type Tab = (typeof tabs)[number];
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Plans with their decomposition and plan against fact, motivation and contests; `?tab=&plan=&from=&to=&metric=`
 * keep the choice.
 */
export function PlanningPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((name) => name === params.get('tab')) ?? 'plans';
  const month = thisMonth();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period: Period = {
    from: dayPattern.test(from) ? from : month.from,
    to: dayPattern.test(to) ? to : month.to,
  };
  const metric: LeaderboardMetric =
    leaderboardMetrics.find((name) => name === params.get('metric')) ?? 'deals';

  const change = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('planning.title')} />
      <Tabs value={tab} onChange={(value) => value && change({ tab: value })} mb="md">
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`planning-tab-${name}`}>
              {t(`planning.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === 'plans' ? (
        <PlansTab planId={params.get('plan')} onChoose={(plan) => change({ plan })} />
      ) : null}
      {tab === 'motivation' ? (
        <MotivationTab period={period} onPeriod={(next) => change({ from: next.from, to: next.to })} />
      ) : null}
      {tab === 'contests' ? (
        <ContestsTab
          period={period}
          metric={metric}
          onChange={(next) =>
            change({
              ...(next.period ? { from: next.period.from, to: next.period.to } : {}),
              metric: next.metric ?? metric,
            })
          }
        />
      ) : null}
    </>
  );
}
