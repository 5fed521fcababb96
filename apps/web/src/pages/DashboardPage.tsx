import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { AttentionWidget } from '../features/dashboard/components/AttentionWidget';
import { DashboardFilterBar } from '../features/dashboard/components/DashboardFilterBar';
import { DuplicatesWidget } from '../features/dashboard/components/DuplicatesWidget';
import { FunnelWidget } from '../features/dashboard/components/FunnelWidget';
import { ManagersWidget } from '../features/dashboard/components/ManagersWidget';
import { MoneyWidget } from '../features/dashboard/components/MoneyWidget';
import { MotivationWidget } from '../features/dashboard/components/MotivationWidget';
import { PlanFactWidget } from '../features/dashboard/components/PlanFactWidget';
import {
  asOfDay,
  type DashboardFilters,
  dashboardFor,
  filtersFromParams,
  hasManagerFilter,
} from '../features/dashboard/dashboard-view';
import { useReport } from '../features/reports/api';
import { PageHeader } from '../ui/PageHeader';

/** Today as a calendar day in the browser's zone. */
function todayDay(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The people a head may narrow the numbers to: those the managers report lists for them. */
function usePeople(filters: DashboardFilters, enabled: boolean) {
  const report = useReport({ report: 'managers', from: filters.from, to: filters.to, managerId: null });
  if (!enabled || !report.data) return enabled ? [] : undefined;
  return report.data.rows.map((row) => ({
    value: String(row.cells.managerId),
    label: String(row.cells.manager),
  }));
}

/**
 * The start page, chosen by role: a manager's plan, points and follow-ups; the head's funnel, plan,
 * managers and what needs attention; the owner's money; the curator's data to fix. The period (and,
 * for heads, the manager) applies to every widget and stays in the address.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const kind = dashboardFor(user.role);
  const managerFilter = hasManagerFilter(kind);
  const people = usePeople(filters, managerFilter);
  const asOf = asOfDay(filters, todayDay());

  const change = (patch: Partial<DashboardFilters>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries({ ...filters, ...patch })) {
          if (value !== null && value !== '') next.set(key, String(value));
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <div data-testid="dashboard-heading" data-kind={kind}>
        <PageHeader title={t(`dashboard.titles.${kind}`)} />
      </div>
      <Stack gap="lg">
        {kind === 'tasks' ? null : (
          <DashboardFilterBar
            filters={filters}
            onChange={change}
            people={managerFilter ? people : undefined}
          />
        )}
        {kind === 'manager' ? (
          <>
            <AttentionWidget
              title={t('dashboard.attention.mine')}
              items={['tasksToday', 'tasksOverdue', 'dealsStuck', 'dealsWithoutNextStep']}
              managerId={null}
            />
            <PlanFactWidget
              filters={filters}
              asOf={asOf}
              personId={user.id}
              title={t('dashboard.plan.mine')}
            />
            <MotivationWidget
              from={filters.from}
              to={filters.to}
              asOf={asOf}
              personId={user.id}
              title={t('dashboard.motivation.title')}
            />
          </>
        ) : null}
        {kind === 'head' ? (
          <>
            <AttentionWidget
              title={t('dashboard.attention.department')}
              items={['dealsWithoutNextStep', 'tasksOverdue', 'dealsStuck', 'tasksToday']}
              managerId={filters.managerId}
            />
            <FunnelWidget
              from={filters.from}
              to={filters.to}
              managerId={filters.managerId}
              title={t('dashboard.funnel.title')}
            />
            <PlanFactWidget
              filters={filters}
              asOf={asOf}
              personId={filters.managerId}
              title={t('dashboard.plan.department')}
            />
            <ManagersWidget
              from={filters.from}
              to={filters.to}
              managerId={filters.managerId}
              title={t('dashboard.managers.title')}
            />
          </>
        ) : null}
        {kind === 'owner' ? (
          <MoneyWidget
            from={filters.from}
            to={filters.to}
            today={todayDay()}
            margin={filters.margin}
            onMarginChange={(margin) => change({ margin })}
          />
        ) : null}
        {kind === 'curator' ? (
          <>
            <AttentionWidget
              title={t('dashboard.attention.quality')}
              items={['dealsWithoutNextStep', 'dealsStuck', 'tasksOverdue']}
              managerId={filters.managerId}
            />
            <DuplicatesWidget />
          </>
        ) : null}
        {kind === 'tasks' ? (
          <AttentionWidget
            title={t('dashboard.attention.mine')}
            items={['tasksToday', 'tasksOverdue']}
            managerId={null}
          />
        ) : null}
      </Stack>
    </>
  );
}
