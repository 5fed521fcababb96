import { Group, Select, TextInput } from '@mantine/core';
import { type ReportName, reportNames } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
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
      <TextInput
        type="date"
        label={t('reports.from')}
        value={selection.from}
        onChange={(event) => event.currentTarget.value && onChange({ from: event.currentTarget.value })}
        w={160}
        data-testid="report-from"
      />
      <TextInput
        type="date"
        label={t('reports.to')}
        value={selection.to}
        onChange={(event) => event.currentTarget.value && onChange({ to: event.currentTarget.value })}
        w={160}
        data-testid="report-to"
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
