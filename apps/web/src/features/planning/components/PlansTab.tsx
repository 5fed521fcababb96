import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import type { Plan } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatCalendarDate, formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { useCurrentSession } from '../../auth/session-context';
import { useDeletePlan, usePlans } from '../api';
import { formatCount } from '../format';
import { canPlan } from '../permissions';
import { DecompositionTable } from './DecompositionTable';
import { PlanFactView } from './PlanFactView';
import { PlanFormModal } from './PlanFormModal';

type Props = {
  /** The plan shown below the list; the newest when null. */
  planId: string | null;
  onChoose: (planId: string | null) => void;
};

/** The plans, and for the chosen one its decomposition and plan against fact. */
export function PlansTab({ planId, onChoose }: Props) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const plans = usePlans();
  const remove = useDeletePlan();
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const planner = canPlan(user.role);

  if (plans.isPending) return <PageLoader />;
  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  const chosen = plans.data.find((plan) => plan.id === planId) ?? plans.data[0] ?? null;
  const period = (plan: Plan) => `${formatCalendarDate(plan.from)} – ${formatCalendarDate(plan.to)}`;

  return (
    <Stack gap="lg">
      <Section
        title={t('planning.plans.title')}
        actions={
          planner ? (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing('new')}
              data-testid="new-plan"
            >
              {t('planning.plans.new')}
            </Button>
          ) : null
        }
      >
        {plans.data.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="plans-empty">
            {planner ? t('planning.plans.emptyPlanner') : t('planning.plans.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover data-testid="plans-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('planning.form.name')}</Table.Th>
                  <Table.Th>{t('planning.plans.period')}</Table.Th>
                  <Table.Th ta="right">{t('planning.form.target')}</Table.Th>
                  <Table.Th ta="right">{t('planning.form.averageCheck')}</Table.Th>
                  <Table.Th ta="right">{t('planning.indicators.sales')}</Table.Th>
                  <Table.Th ta="right">{t('planning.form.managers')}</Table.Th>
                  {planner ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.data.map((plan) => (
                  <Table.Tr
                    key={plan.id}
                    onClick={() => onChoose(plan.id)}
                    style={{ cursor: 'pointer' }}
                    bg={plan.id === chosen?.id ? 'var(--mantine-color-blue-light)' : undefined}
                    data-testid="plan-row"
                    data-plan={plan.id}
                    data-name={plan.name}
                  >
                    <Table.Td fw={500}>{plan.name}</Table.Td>
                    <Table.Td>{period(plan)}</Table.Td>
                    <Table.Td ta="right">
                      {formatMoney(plan.target.amount)}
                      <Text span size="xs" c="dimmed" ml={4}>
                        {plan.target.kind === 'margin'
                          ? t('planning.form.margin')
                          : t('planning.form.revenue')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatMoney(plan.averageCheck.amount)}
                      {plan.averageCheck.measured ? (
                        <Text span size="xs" c="dimmed" ml={4}>
                          {t('planning.measured')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(plan.decomposition.sales)}</Table.Td>
                    <Table.Td ta="right">{plan.managers.length}</Table.Td>
                    {planner ? (
                      <Table.Td onClick={(event) => event.stopPropagation()}>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconPencil size={12} />}
                            onClick={() => setEditing(plan)}
                            data-testid="edit-plan"
                          >
                            {t('common.edit')}
                          </Button>
                          <ConfirmButton
                            size="compact-xs"
                            question={t('planning.plans.deleteQuestion', { name: plan.name })}
                            onConfirm={() =>
                              remove.mutate(plan.id, {
                                onSuccess: () => notifySuccess(t('planning.plans.deleted')),
                                onError: notifyError,
                              })
                            }
                          >
                            {t('common.delete')}
                          </ConfirmButton>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      {chosen ? (
        <>
          <Section
            title={t('planning.plans.decompositionOf', { name: chosen.name })}
            testId="plan-decomposition"
          >
            <DecompositionTable plan={chosen} />
          </Section>
          <Section title={t('planning.fact.title')} testId="plan-fact-section">
            <PlanFactView key={chosen.id} plan={chosen} />
          </Section>
        </>
      ) : null}

      <PlanFormModal
        plan={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          onChoose(saved.id);
        }}
      />
    </Stack>
  );
}
