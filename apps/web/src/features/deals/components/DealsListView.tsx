import { ActionIcon, Button, Group, Paper, Select, Stack, Tooltip } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { Pipeline } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnPicker } from '../../../ui/ColumnPicker';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useUserNames, useUsers } from '../../users/api';
import { SavedViewsMenu } from '../../views/components/SavedViewsMenu';
import { useDealList } from '../api';
import {
  type DealSort,
  type DealView,
  dealColumns,
  dealListParams,
  dealSorts,
  defaultDealView,
  normalizeDealView,
} from '../deal-view';
import { DealFilters } from './DealFilters';
import { DealsBulkBar } from './DealsBulkBar';
import { DealsTable } from './DealsTable';

type Props = {
  pipeline: Pipeline;
};

/** The deals of a pipeline as a table: filters, sort, columns, saved views and bulk actions. */
export function DealsListView({ pipeline }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<DealView>(defaultDealView);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // On a phone the filters fold away behind one button.
  const [filtersOpened, { toggle: toggleFilters }] = useDisclosure(false);
  // Typing in a filter settles for a moment before the list reloads.
  const [paramsJson] = useDebouncedValue(JSON.stringify(dealListParams(pipeline.id, view)), 300);
  const deals = useDealList(JSON.parse(paramsJson) as Record<string, string>);
  const users = useUsers();
  const items = deals.data?.pages.flatMap((page) => page.items) ?? [];
  const names = { users: useUserNames() };
  const change = (next: Partial<DealView>) => {
    setView((current) => ({ ...current, ...next }));
    setSelected(new Set());
  };

  return (
    <Stack gap="sm">
      <Button
        hiddenFrom="sm"
        variant="default"
        leftSection={<IconAdjustments size={16} />}
        onClick={toggleFilters}
      >
        {t('views.filters')}
      </Button>
      <Stack gap="sm" visibleFrom={filtersOpened ? undefined : 'sm'}>
        <Group justify="space-between" align="flex-end">
          <DealFilters
            pipeline={pipeline}
            users={users.data ?? []}
            filters={view.filters}
            onChange={(filters) => change({ filters })}
          />
        </Group>
        <Group gap="sm">
          <SavedViewsMenu
            entity="deal"
            current={view}
            onApply={(saved) => change(normalizeDealView(saved.query))}
          />
          <Select
            aria-label={t('deals.sort.label')}
            data={dealSorts.map((sort) => ({ value: sort, label: t(`deals.sort.${sort}`) }))}
            value={view.sort}
            onChange={(value) => value && change({ sort: value as DealSort })}
            allowDeselect={false}
            w={200}
            leftSection={
              view.order === 'asc' ? <IconSortAscending size={16} /> : <IconSortDescending size={16} />
            }
            data-testid="deal-sort"
          />
          <Tooltip label={view.order === 'asc' ? t('deals.sort.asc') : t('deals.sort.desc')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={view.order === 'asc' ? t('deals.sort.asc') : t('deals.sort.desc')}
              onClick={() => change({ order: view.order === 'asc' ? 'desc' : 'asc' })}
            >
              {view.order === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
            </ActionIcon>
          </Tooltip>
          <ColumnPicker
            options={dealColumns.map((column) => ({ value: column, label: t(`deals.columns.${column}`) }))}
            value={view.columns}
            onChange={(columns) => setView((current) => ({ ...current, columns }))}
          />
          <Button variant="subtle" onClick={() => change(defaultDealView)}>
            {t('common.reset')}
          </Button>
        </Group>
      </Stack>
      <DealsBulkBar
        selected={selected}
        deals={items}
        pipeline={pipeline}
        users={users.data ?? []}
        deletedMode={view.filters.deleted === 'true'}
        onDone={() => setSelected(new Set())}
        onSelect={setSelected}
      />
      <Paper withBorder>
        {deals.isPending ? <PageLoader /> : null}
        {deals.isError ? <LoadError error={deals.error} onRetry={() => void deals.refetch()} /> : null}
        {deals.data ? (
          <DealsTable
            deals={items}
            pipeline={pipeline}
            columns={view.columns}
            names={names}
            selected={selected}
            onSelect={setSelected}
          />
        ) : null}
      </Paper>
      {deals.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void deals.fetchNextPage()}
            loading={deals.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
