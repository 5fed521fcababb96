import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateRangeInputs } from '../../../ui/DateRangeInputs';
import type { Period } from '../api';

type Props = {
  period: Period;
  onChange: (period: Period) => void;
  children?: ReactNode;
};

/** A period's first and last day, both included; more filters may follow in the same row. */
export function PeriodInputs({ period, onChange, children }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DateRangeInputs
        from={period.from}
        to={period.to}
        onChange={(change) => onChange({ ...period, ...change })}
        labels={{ from: t('planning.from'), to: t('planning.to') }}
        testId="period"
      />
      {children}
    </Group>
  );
}
