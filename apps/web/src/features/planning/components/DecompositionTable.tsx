import { List, Stack, Table, Text } from '@mantine/core';
import type { Plan } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/format';
import { formatCount, formatShare, indicatorName } from '../format';

type Props = {
  plan: Plan;
};

/**
 * Seed 004's decomposition of a plan: each indicator for the period, per month and per manager, and
 * the arithmetic behind it written out.
 */
export function DecompositionTable({ plan }: Props) {
  const { t } = useTranslation();
  const { decomposition } = plan;
  const conversionOf = (id: string) => plan.indicators.find((indicator) => indicator.id === id);
  const nameOf = (userId: string) => plan.managers.find((manager) => manager.userId === userId)?.name ?? '';
  const countIn = (list: { id: string; count: number }[], id: string) =>
    list.find((item) => item.id === id)?.count ?? 0;

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder striped data-testid="decomposition-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planning.decomposition.indicator')}</Table.Th>
              <Table.Th ta="right">{t('planning.decomposition.conversion')}</Table.Th>
              <Table.Th ta="right">{t('planning.decomposition.period')}</Table.Th>
              <Table.Th ta="right">{t('planning.decomposition.perMonth')}</Table.Th>
              {decomposition.perManager.map((manager) => (
                <Table.Th key={manager.userId} ta="right">
                  {nameOf(manager.userId)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('planning.decomposition.share', { share: formatShare(manager.share) })}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decomposition.indicators.map((indicator) => {
              const step = conversionOf(indicator.id);
              return (
                <Table.Tr key={indicator.id} data-testid="decomposition-row" data-indicator={indicator.id}>
                  <Table.Td fw={500}>{indicatorName(indicator.id, indicator.name)}</Table.Td>
                  <Table.Td ta="right">
                    {step ? (
                      <>
                        {formatShare(step.conversion)}
                        <Text span size="xs" c="dimmed" ml={4}>
                          {step.measured ? t('planning.measured') : t('planning.typed')}
                        </Text>
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td ta="right" data-column="period" data-value={indicator.count}>
                    {formatCount(indicator.count)}
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    data-column="month"
                    data-value={countIn(decomposition.perMonth, indicator.id)}
                  >
                    {formatCount(countIn(decomposition.perMonth, indicator.id))}
                  </Table.Td>
                  {decomposition.perManager.map((manager) => (
                    <Table.Td
                      key={manager.userId}
                      ta="right"
                      data-column="manager"
                      data-manager={manager.userId}
                      data-value={countIn(manager.indicators, indicator.id)}
                    >
                      {formatCount(countIn(manager.indicators, indicator.id))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PlanFormula plan={plan} />
    </Stack>
  );
}

/** "indicator ÷ conversion of the previous indicator, rounded up", with this plan's numbers. */
function PlanFormula({ plan }: Props) {
  const { t } = useTranslation();
  const { decomposition } = plan;
  const counts = decomposition.indicators;
  const lines: string[] = [];
  if (plan.target.kind === 'margin' && plan.marginRate)
    lines.push(
      t('planning.formula.revenueFromMargin', {
        margin: formatMoney(plan.target.amount),
        rate: formatShare(plan.marginRate),
        revenue: formatMoney(decomposition.revenue),
      }),
    );
  lines.push(
    t('planning.formula.sales', {
      revenue: formatMoney(decomposition.revenue),
      check: formatMoney(plan.averageCheck.amount),
      sales: formatCount(decomposition.sales),
    }),
  );
  // Walk back from the sale as the rule does: each step needs the next one's count ÷ its conversion.
  for (let i = counts.length - 2; i >= 0; i--) {
    const step = counts[i]!;
    const next = counts[i + 1]!;
    const conversion = plan.indicators.find((indicator) => indicator.id === step.id)?.conversion ?? 1;
    lines.push(
      t('planning.formula.step', {
        indicator: indicatorName(step.id, step.name),
        next: indicatorName(next.id, next.name),
        nextCount: formatCount(next.count),
        conversion: formatShare(conversion),
        exact: formatCount(Math.round((next.count / conversion) * 100) / 100),
        count: formatCount(step.count),
      }),
    );
  }
  lines.push(t('planning.formula.perMonth', { months: decomposition.months }));
  lines.push(t('planning.formula.perManager'));

  return (
    <div data-testid="plan-formula">
      <Text size="sm" fw={600} mb={4}>
        {t('planning.formula.title')}
      </Text>
      <List size="sm" spacing={2}>
        {lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}
