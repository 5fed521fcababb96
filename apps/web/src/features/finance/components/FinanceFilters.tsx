import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateRangeInputs } from '../../../ui/DateRangeInputs';
import type { FinanceSelection } from '../finance-query';

type Props = {
  selection: FinanceSelection;
  categories: string[];
  lines: string[];
  onChange: (change: Partial<FinanceSelection>) => void;
};

/** The period (both days included), planned or actual, income or expense, category, line of business. */
export function FinanceFilters({ selection, categories, lines, onChange }: Props) {
  const { t } = useTranslation();
  const withCurrent = (values: string[], current: string | null) =>
    [...new Set([...values, ...(current ? [current] : [])])].sort((a, b) => a.localeCompare(b));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="finance-filters">
      <DateRangeInputs
        from={selection.from}
        to={selection.to}
        onChange={onChange}
        labels={{ from: t('planning.from'), to: t('planning.to') }}
        testId="finance"
      />
      <Select
        label={t('planning.finance.status')}
        placeholder={t('planning.finance.any')}
        data={[
          { value: 'actual', label: t('planning.finance.statuses.actual') },
          { value: 'planned', label: t('planning.finance.statuses.planned') },
        ]}
        value={selection.status}
        onChange={(value) => onChange({ status: value === 'actual' || value === 'planned' ? value : null })}
        clearable
        w={150}
        data-testid="finance-status"
      />
      <Select
        label={t('planning.finance.kind')}
        placeholder={t('planning.finance.any')}
        data={[
          { value: 'income', label: t('planning.finance.kinds.income') },
          { value: 'expense', label: t('planning.finance.kinds.expense') },
        ]}
        value={selection.kind}
        onChange={(value) => onChange({ kind: value === 'income' || value === 'expense' ? value : null })}
        clearable
        w={150}
        data-testid="finance-kind"
      />
      <Select
        label={t('planning.finance.category')}
        placeholder={t('planning.finance.any')}
        data={withCurrent(categories, selection.category)}
        value={selection.category}
        onChange={(value) => onChange({ category: value })}
        clearable
        searchable
        w={180}
        data-testid="finance-category"
      />
      <Select
        label={t('planning.finance.lineOfBusiness')}
        placeholder={t('planning.finance.any')}
        data={withCurrent(lines, selection.lineOfBusiness)}
        value={selection.lineOfBusiness}
        onChange={(value) => onChange({ lineOfBusiness: value })}
        clearable
        searchable
        w={200}
        data-testid="finance-line"
      />
    </Group>
  );
}
