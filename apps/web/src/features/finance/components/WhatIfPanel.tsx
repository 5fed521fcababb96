import { Badge, Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMonth } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { useWhatIf, type WhatIf, type WhatIfRequest } from '../api';
import { monthOf, monthsBetween } from '../months';
import { MonthsTable } from './MonthsTable';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * "If we earn X and spend Y a month over these months, what remains": a blank amount takes what is
 * booked (actual and planned entries), a blank opening balance the actual balance before the first month.
 */
export function WhatIfPanel() {
  const { t } = useTranslation();
  const [fromMonth, setFromMonth] = useState(() => monthOf(new Date(), 1));
  const [toMonth, setToMonth] = useState(() => monthOf(new Date(), 3));
  const [income, setIncome] = useState<number | ''>('');
  const [expense, setExpense] = useState<number | ''>('');
  const [opening, setOpening] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<WhatIfRequest | null>(null);
  const result = useWhatIf(asked);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const months =
      monthPattern.test(fromMonth) && monthPattern.test(toMonth) ? monthsBetween(fromMonth, toMonth) : [];
    if (months.length === 0 || months.length > 120) {
      setError(t('planning.finance.whatIfMonthsInvalid'));
      return;
    }
    setError(null);
    setAsked({
      openingBalance: opening === '' ? undefined : opening,
      months: months.map((month) => ({
        month,
        income: income === '' ? undefined : income,
        expense: expense === '' ? undefined : expense,
      })),
    });
  };

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate data-testid="what-if-form">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <TextInput
            type="month"
            label={t('planning.finance.fromMonth')}
            value={fromMonth}
            onChange={(event) => setFromMonth(event.currentTarget.value)}
            error={error}
            data-testid="what-if-from"
          />
          <TextInput
            type="month"
            label={t('planning.finance.toMonth')}
            value={toMonth}
            onChange={(event) => setToMonth(event.currentTarget.value)}
            data-testid="what-if-to"
          />
          <NumberInput
            label={t('planning.finance.openingBalance')}
            placeholder={t('planning.finance.openingPlaceholder')}
            value={opening}
            onChange={(value) => setOpening(typeof value === 'number' ? value : '')}
            thousandSeparator=" "
            suffix=" ₽"
            decimalScale={2}
            hideControls
            data-testid="what-if-opening"
          />
          <NumberInput
            label={t('planning.finance.earnPerMonth')}
            placeholder={t('planning.finance.bookedPlaceholder')}
            value={income}
            onChange={(value) => setIncome(typeof value === 'number' ? value : '')}
            min={0}
            thousandSeparator=" "
            suffix=" ₽"
            decimalScale={2}
            hideControls
            data-testid="what-if-income"
          />
          <NumberInput
            label={t('planning.finance.spendPerMonth')}
            placeholder={t('planning.finance.bookedPlaceholder')}
            value={expense}
            onChange={(value) => setExpense(typeof value === 'number' ? value : '')}
            min={0}
            thousandSeparator=" "
            suffix=" ₽"
            decimalScale={2}
            hideControls
            data-testid="what-if-expense"
          />
          <Group align="flex-end">
            <Button type="submit" loading={result.isFetching} data-testid="what-if-run">
              {t('planning.finance.calculate')}
            </Button>
          </Group>
        </SimpleGrid>
      </form>
      {result.isError ? <LoadError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data ? <WhatIfResult result={result.data} /> : null}
    </Stack>
  );
}

function WhatIfResult({ result }: { result: WhatIf }) {
  const { t } = useTranslation();
  const last = result.months.at(-1);
  const source = (typed: boolean) => (
    <Badge size="xs" variant="light" color={typed ? 'violet' : 'gray'} ml={6}>
      {typed ? t('planning.finance.typed') : t('planning.finance.booked')}
    </Badge>
  );
  return (
    <Stack gap="xs" data-testid="what-if-result">
      {last ? (
        <Text size="lg" fw={700}>
          {t('planning.finance.remains', { month: formatMonth(last.month) })}{' '}
          <Text
            span
            inherit
            c={last.balance < 0 ? 'red.8' : 'teal.8'}
            data-testid="what-if-remains"
            data-value={last.balance}
          >
            {formatMoney(last.balance)}
          </Text>
        </Text>
      ) : null}
      <MonthsTable
        openingBalance={result.openingBalance}
        months={result.months}
        balanceLabel={t('planning.finance.remainsColumn')}
        testIds={{ table: 'what-if-table', opening: 'what-if-opening-balance', month: 'what-if-month' }}
        note={(index, column) => source(result.months[index]?.typed[column] ?? false)}
      />
    </Stack>
  );
}
