import { Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { formatShare } from '../../planning/format';
import { useBreakEven } from '../api';
import { firstDay, lastDay, monthOf } from '../months';

/**
 * The revenue at which margin covers the fixed costs (payroll included): fixed costs typed, or the
 * average month of actual expenses over chosen months (by default the last two complete ones); the
 * margin rate typed, or measured over the same months from the sales paid and their purchases.
 */
export function BreakEvenPanel() {
  const { t } = useTranslation();
  const [marginPercent, setMarginPercent] = useState<number | ''>('');
  const [measured, setMeasured] = useState(true);
  const [fixedCosts, setFixedCosts] = useState<number | ''>('');
  const [fromMonth, setFromMonth] = useState(() => monthOf(new Date(), -2));
  const [toMonth, setToMonth] = useState(() => monthOf(new Date(), -1));
  // Months are asked for whenever something is measured over them.
  const overMonths = measured || marginPercent === '';
  const valid =
    (marginPercent === '' || (marginPercent > 0 && marginPercent <= 100)) &&
    (!overMonths || (fromMonth !== '' && toMonth !== '' && fromMonth <= toMonth)) &&
    (measured || fixedCosts !== '');
  const result = useBreakEven(
    {
      marginRate: marginPercent === '' ? null : Math.round(marginPercent * 100) / 10_000,
      fixedCosts: measured || fixedCosts === '' ? null : fixedCosts,
      from: fromMonth ? firstDay(fromMonth) : '',
      to: toMonth ? lastDay(toMonth) : '',
    },
    valid,
  );

  return (
    <Stack gap="sm" data-testid="break-even">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NumberInput
          label={t('planning.finance.marginRate')}
          value={marginPercent}
          onChange={(value) => setMarginPercent(typeof value === 'number' ? value : '')}
          min={0}
          max={100}
          decimalScale={2}
          suffix=" %"
          hideControls
          placeholder={
            marginPercent === '' && result.data?.marginRate != null
              ? formatShare(result.data.marginRate)
              : t('planning.finance.marginMeasuredPlaceholder')
          }
          error={
            marginPercent !== '' && (marginPercent <= 0 || marginPercent > 100)
              ? t('planning.form.percentRange')
              : undefined
          }
          w={130}
          data-testid="break-even-margin"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('planning.finance.fixedCosts')}
          </Text>
          <SegmentedControl
            value={measured ? 'measured' : 'typed'}
            onChange={(value) => setMeasured(value === 'measured')}
            data={[
              { value: 'measured', label: t('planning.finance.fromExpenses') },
              { value: 'typed', label: t('planning.form.typeIt') },
            ]}
            data-testid="break-even-mode"
          />
        </Stack>
        {overMonths ? (
          <>
            <TextInput
              type="month"
              label={t('planning.finance.fromMonth')}
              value={fromMonth}
              onChange={(event) => setFromMonth(event.currentTarget.value)}
              w={180}
            />
            <TextInput
              type="month"
              label={t('planning.finance.toMonth')}
              value={toMonth}
              onChange={(event) => setToMonth(event.currentTarget.value)}
              w={180}
            />
          </>
        ) : null}
        {measured ? null : (
          <NumberInput
            label={t('planning.finance.fixedCostsMonth')}
            value={fixedCosts}
            onChange={(value) => setFixedCosts(typeof value === 'number' ? value : '')}
            min={0}
            thousandSeparator=" "
            suffix=" ₽"
            hideControls
            w={200}
            data-testid="break-even-costs"
          />
        )}
      </Group>
      {result.isError ? <LoadError error={result.error} /> : null}
      {result.data && valid && result.data.marginMeasuredOn ? (
        <Text size="sm" c="dimmed" data-testid="break-even-margin-measured">
          {result.data.marginRate === null
            ? t('planning.finance.marginUnmeasured')
            : t('planning.finance.marginMeasured', {
                rate: formatShare(result.data.marginRate),
                count: result.data.marginMeasuredOn.deals,
                income: formatMoney(result.data.marginMeasuredOn.income),
                costs: formatMoney(result.data.marginMeasuredOn.costs),
              })}
        </Text>
      ) : null}
      {result.data && valid && result.data.marginRate !== null && result.data.revenue === null ? (
        <Text size="sm" c="orange" data-testid="break-even-none">
          {t('planning.finance.noMarginLeft')}
        </Text>
      ) : null}
      {result.data && valid && result.data.marginRate !== null && result.data.revenue !== null ? (
        <div>
          <Text size="sm" c="dimmed" data-testid="break-even-inputs">
            {t(
              result.data.fixedCostsMeasured
                ? 'planning.finance.breakEvenMeasured'
                : 'planning.finance.breakEvenTyped',
              {
                costs: formatMoney(result.data.fixedCosts),
                rate: formatShare(result.data.marginRate),
              },
            )}
          </Text>
          <Text size="xl" fw={700} data-testid="break-even-revenue" data-value={result.data.revenue}>
            {t('planning.finance.breakEvenRevenue', { revenue: formatMoney(result.data.revenue) })}
          </Text>
        </div>
      ) : null}
    </Stack>
  );
}
