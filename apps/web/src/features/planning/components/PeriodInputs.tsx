import { Group, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
      <TextInput
        type="date"
        label={t('planning.from')}
        value={period.from}
        onChange={(event) =>
          event.currentTarget.value && onChange({ ...period, from: event.currentTarget.value })
        }
        w={160}
        data-testid="period-from"
      />
      <TextInput
        type="date"
        label={t('planning.to')}
        value={period.to}
        onChange={(event) =>
          event.currentTarget.value && onChange({ ...period, to: event.currentTarget.value })
        }
        w={160}
        data-testid="period-to"
      />
      {children}
    </Group>
  );
}
