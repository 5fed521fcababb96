import { Group, Select } from '@mantine/core';
import { type ReportName, reportNames } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { DateRangeInputs } from '../../../ui/DateRangeInputs';
import { sourceLabel } from '../../../ui/format';
import { useDepartments } from '../../departments/api';
import { usePipelines } from '../../pipelines/api';
import { useProducts } from '../../products/api';
import { useUsers } from '../../users/api';
import { useReportFilterValues } from '../api';
import { type ReportSelection, type SelectionFilter, takesFilter } from '../report-query';

type Props = {
  selection: ReportSelection;
  onChange: (change: Partial<ReportSelection>) => void;
};

type Option = { value: string; label: string };

/** The report, its period (both days included) and the filters this report takes; others are not shown. */
export function ReportFilters({ selection, onChange }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const pipelines = usePipelines();
  const products = useProducts();
  const values = useReportFilterValues();
  const options: Record<SelectionFilter, Option[]> = {
    managerId: (users.data ?? [])
      .filter((user) => user.active)
      .map((user) => ({ value: user.id, label: user.name })),
    departmentId: (departments.data ?? []).map((department) => ({
      value: department.id,
      label: department.name,
    })),
    pipelineId: (pipelines.data ?? [])
      .filter((pipeline) => pipeline.kind === 'sales')
      .map((pipeline) => ({ value: pipeline.id, label: pipeline.name })),
    source: (values.data?.sources ?? []).map((source) => ({ value: source, label: sourceLabel(source) })),
    productId: (products.data ?? []).map((product) => ({ value: product.id, label: product.name })),
    region: (values.data?.regions ?? []).map((region) => ({ value: region, label: region })),
  };
  const shown = (Object.keys(options) as SelectionFilter[]).filter((filter) =>
    takesFilter(selection.report, filter),
  );

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
      {shown.map((filter) => (
        <Select
          key={filter}
          label={t(`reports.filters.${filter}`)}
          placeholder={t(filter === 'managerId' ? 'reports.everyone' : 'reports.any')}
          data={options[filter]}
          value={selection[filter] ?? null}
          onChange={(value) => onChange({ [filter]: value })}
          clearable
          searchable
          w={filter === 'managerId' ? 220 : 200}
          data-testid={filter === 'managerId' ? 'report-manager' : `report-${filter}`}
        />
      ))}
    </Group>
  );
}
