import { Group, Select } from '@mantine/core';
import { type ReportName, reportNames } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { DateRangeInputs } from '../../../ui/DateRangeInputs';
import { useUsers } from '../../users/api';
import type { ReportSelection } from '../report-query';

type Props = {
  selection: ReportSelection;
  onChange: (change: Partial<ReportSelection>) => void;
};

/** The report, its period (both days included) and whose numbers. */
export function ReportFilters({ selection, onChange }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const people = (users.data ?? [])
    .filter((user) => user.active)
    .map((user) => ({ value: user.id, label: user.name }));

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="report-filters">
      <Select
        label={t('reports.report')}
        data={reportNames.map((name) => ({ value: name, label: t(`reports.names.${name}`) }))}
        value={selection.report}
        onChange={(value) => value && onChange({ report: value as ReportName })}
        allowDeselect={false}
        w={260}
        data-testid="report-picker"
      />
      <DateRangeInputs
        from={selection.from}
        to={selection.to}
        onChange={onChange}
        labels={{ from: t('reports.from'), to: t('reports.to') }}
        testId="report"
      />
      <Select
        label={t('reports.manager')}
        placeholder={t('reports.everyone')}
        data={people}
        value={selection.managerId}
        onChange={(value) => onChange({ managerId: value })}
        clearable
        searchable
        w={220}
        data-testid="report-manager"
      />
    </Group>
  );
}
