import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateRangeInputs } from '../../../ui/DateRangeInputs';
import type { DashboardFilters } from '../dashboard-view';

type Props = {
  filters: DashboardFilters;
  onChange: (change: Partial<DashboardFilters>) => void;
  /** The people the reader may narrow the numbers to; no manager filter when absent. */
  people?: { value: string; label: string }[];
  /** False where no widget counts over a period (the curator's, counted now). */
  period?: boolean;
};

/** The period every widget counts over (both days included) and, for heads, whose numbers. */
export function DashboardFilterBar({ filters, onChange, people, period = true }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="dashboard-filters">
      {period ? (
        <DateRangeInputs
          from={filters.from}
          to={filters.to}
          onChange={onChange}
          labels={{ from: t('dashboard.from'), to: t('dashboard.to') }}
          testId="dashboard"
        />
      ) : null}
      {people ? (
        <Select
          label={t('dashboard.manager')}
          placeholder={t('dashboard.everyone')}
          data={people}
          value={filters.managerId}
          onChange={(value) => onChange({ managerId: value })}
          clearable
          searchable
          w={240}
          data-testid="dashboard-manager"
        />
      ) : null}
    </Group>
  );
}
