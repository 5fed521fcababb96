import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { MotivationSchemeBody, PayReport } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { useCurrentSession } from '../../auth/session-context';
import { type Period, useMotivationScheme, usePayReport } from '../api';
import { formatCount, formatShare } from '../format';
import { payLines, projectedSales, schemeLines } from '../pay-formula';
import { canPlan } from '../permissions';
import { PeriodInputs } from './PeriodInputs';
import { PointsProgress } from './PointsProgress';
import { SchemeEditorModal } from './SchemeEditorModal';

type Props = {
  period: Period;
  onPeriod: (period: Period) => void;
};

/** The motivation scheme written out, and each person's points, place against the steps and pay. */
export function MotivationTab({ period, onPeriod }: Props) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const scheme = useMotivationScheme();
  const pay = usePayReport(period, Boolean(scheme.data));
  const [editing, setEditing] = useState(false);
  const planner = canPlan(user.role);

  if (scheme.isPending) return <PageLoader />;
  if (scheme.isError) return <LoadError error={scheme.error} onRetry={() => void scheme.refetch()} />;

  return (
    <Stack gap="lg">
      <Section
        title={t('planning.motivation.scheme')}
        testId="motivation-scheme"
        actions={
          planner ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} />}
              onClick={() => setEditing(true)}
              data-testid="edit-scheme"
            >
              {scheme.data ? t('planning.motivation.editScheme') : t('planning.motivation.setScheme')}
            </Button>
          ) : null
        }
      >
        {scheme.data ? (
          <List size="sm" spacing={2} data-testid="scheme-formula">
            {schemeLines(scheme.data).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed" size="sm" data-testid="no-scheme">
            {planner ? t('planning.motivation.noSchemePlanner') : t('planning.motivation.noScheme')}
          </Text>
        )}
      </Section>

      {scheme.data ? (
        <Section title={t('planning.motivation.pay')} testId="motivation-pay">
          <Stack gap="md">
            <PeriodInputs period={period} onChange={onPeriod} />
            {pay.isPending ? <PageLoader /> : null}
            {pay.isError ? <LoadError error={pay.error} onRetry={() => void pay.refetch()} /> : null}
            {pay.data ? (
              <>
                <Text size="sm" c="dimmed" data-testid="pay-days">
                  {t('planning.motivation.forecastRule', {
                    elapsed: pay.data.daysElapsed,
                    total: pay.data.daysInPeriod,
                  })}
                </Text>
                {pay.data.items.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('planning.motivation.nobody')}
                  </Text>
                ) : null}
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                  {pay.data.items.map((item) => (
                    <PayCard key={item.userId} scheme={scheme.data!} report={pay.data} item={item} />
                  ))}
                </SimpleGrid>
              </>
            ) : null}
          </Stack>
        </Section>
      ) : null}

      <SchemeEditorModal opened={editing} scheme={scheme.data} onClose={() => setEditing(false)} />
    </Stack>
  );
}

type CardProps = {
  scheme: MotivationSchemeBody;
  report: PayReport;
  item: PayReport['items'][number];
};

function PayCard({ scheme, report, item }: CardProps) {
  const { t } = useTranslation();
  const { pay, forecast } = item;
  const forecastSales = projectedSales(item.sales, report.daysElapsed, report.daysInPeriod);
  return (
    <Card withBorder padding="md" data-testid="pay-card" data-user={item.userId} data-name={item.name}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>{item.name}</Text>
        <Badge variant="light" color={pay.planShare >= 1 ? 'teal' : 'blue'}>
          {t('planning.motivation.ofPlan', { share: formatShare(pay.planShare) })}
        </Badge>
      </Group>
      <Group gap="xl" mb="sm" wrap="wrap">
        <Stat
          label={t('planning.motivation.points')}
          value={formatCount(pay.points)}
          raw={pay.points}
          testId="pay-points"
        />
        <Stat
          label={t('planning.motivation.salaryNow')}
          value={formatMoney(pay.salary)}
          raw={pay.salary}
          testId="pay-salary"
        />
        <Stat
          label={t('planning.motivation.commissionNow', { rate: formatShare(pay.commissionRate) })}
          value={formatMoney(pay.commission)}
          raw={pay.commission}
        />
        <Stat
          label={t('planning.motivation.payNow')}
          value={formatMoney(pay.total)}
          raw={pay.total}
          testId="pay-total"
        />
      </Group>
      <PointsProgress scheme={scheme} points={pay.points} forecast={forecast.points} />
      <Text size="sm" mt="xs" data-testid="pay-next">
        {pay.nextSalary
          ? t('planning.motivation.next', {
              missing: formatCount(pay.nextSalary.missing),
              amount: formatMoney(pay.nextSalary.amount),
            })
          : t('planning.motivation.top')}
      </Text>
      <Card.Section withBorder inheritPadding py="xs" mt="sm" bg="var(--mantine-color-default-hover)">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {t('planning.motivation.forecast')}
          </Text>
          <Text fw={700} data-testid="pay-forecast" data-value={forecast.total}>
            {formatMoney(forecast.total)}
          </Text>
        </Group>
        <List size="xs" spacing={0} c="dimmed" data-testid="pay-formula">
          {payLines(scheme, forecast, forecastSales).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Card.Section>
    </Card>
  );
}

function Stat({ label, value, raw, testId }: { label: string; value: string; raw: number; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId} data-value={raw}>
        {value}
      </Text>
    </div>
  );
}
