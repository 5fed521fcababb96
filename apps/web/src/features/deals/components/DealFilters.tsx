import { Checkbox, Group, NumberInput, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Pipeline, User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';

type Props = {
  pipeline: Pipeline;
  users: User[];
  filters: Record<string, string>;
  onChange: (filters: Record<string, string>) => void;
};

/** The filter bar of the deals table: text, responsible, stage, amount range, open/closed and flags. */
export function DealFilters({ pipeline, users, filters, onChange }: Props) {
  const { t } = useTranslation();
  const set = (key: string, value: string | null | undefined) => {
    const next = { ...filters };
    if (value === null || value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const amount = (key: 'minAmount' | 'maxAmount') => ({
    value: filters[key] ?? '',
    onChange: (value: number | string) => set(key, value === '' ? null : String(value)),
    min: 0,
    thousandSeparator: ' ',
    hideControls: true,
    w: 130,
  });

  return (
    <Group gap="sm" align="flex-end" data-testid="deal-filters">
      <TextInput
        label={t('common.search')}
        leftSection={<IconSearch size={14} />}
        value={filters.q ?? ''}
        onChange={(event) => set('q', event.currentTarget.value)}
        w={200}
      />
      <Select
        label={t('deals.fields.responsibleId')}
        data={users.map((user) => ({ value: user.id, label: user.name }))}
        value={filters.responsibleId ?? null}
        onChange={(value) => set('responsibleId', value)}
        clearable
        searchable
        w={190}
      />
      <Select
        label={t('deals.fields.stageId')}
        data={pipeline.stages.map((stage) => ({ value: stage.id, label: stage.name }))}
        value={filters.stageId ?? null}
        onChange={(value) => set('stageId', value)}
        clearable
        w={210}
        data-testid="filter-stage"
      />
      <NumberInput label={t('deals.filters.minAmount')} {...amount('minAmount')} />
      <NumberInput label={t('deals.filters.maxAmount')} {...amount('maxAmount')} />
      <SegmentedControl
        value={filters.open ?? 'any'}
        onChange={(value) => set('open', value === 'any' ? null : value)}
        data={[
          { value: 'any', label: t('deals.filters.any') },
          { value: 'true', label: t('deals.filters.open') },
          { value: 'false', label: t('deals.filters.closed') },
        ]}
      />
      <Checkbox
        label={t('deals.filters.noNextStep')}
        checked={filters.noNextStep === 'true'}
        onChange={(event) => set('noNextStep', event.currentTarget.checked ? 'true' : null)}
        mb={8}
        data-testid="filter-no-next-step"
      />
      <Checkbox
        label={t('deals.filters.deleted')}
        checked={filters.deleted === 'true'}
        onChange={(event) => set('deleted', event.currentTarget.checked ? 'true' : null)}
        mb={8}
        data-testid="filter-deleted"
      />
    </Group>
  );
}
