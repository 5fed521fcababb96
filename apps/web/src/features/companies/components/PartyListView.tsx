import { Button, Group, Paper, Stack, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { BulkRecordsBody, BulkResult, User } from '@voronka/domain';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageResponse } from '../../../api/client';
import { BulkActionBar } from '../../../ui/BulkActionBar';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';

type Selection = { selected: ReadonlySet<string>; onSelect: (ids: Set<string>) => void };

type Props<Item> = {
  path: 'companies' | 'contacts';
  search: string;
  onSearch: (search: string) => void;
  /** Whether the list shows the deleted records instead of the live ones. */
  deleted: boolean;
  onDeleted: (deleted: boolean) => void;
  list: UseInfiniteQueryResult<InfiniteData<PageResponse<Item>>>;
  bulk: { mutateAsync: (body: BulkRecordsBody) => Promise<BulkResult>; isPending: boolean };
  users: User[];
  table: (items: Item[], selection: Selection) => ReactNode;
};

/** A searchable list of companies or contacts, a page at a time, with row selection and bulk actions. */
export function PartyListView<Item extends { id: string }>({
  path,
  search,
  onSearch,
  deleted,
  onDeleted,
  list,
  bulk,
  users,
  table,
}: Props<Item>) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t(`${path}.searchPlaceholder`)}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => {
            onSearch(event.currentTarget.value);
            setSelected(new Set());
          }}
          maw={420}
          style={{ flexGrow: 1 }}
          data-testid={`${path}-search`}
        />
        <Switch
          label={t('common.bulk.showDeleted')}
          checked={deleted}
          onChange={(event) => {
            onDeleted(event.currentTarget.checked);
            setSelected(new Set());
          }}
          data-testid="show-deleted"
        />
      </Group>
      <BulkActionBar
        selected={selected}
        users={users}
        deletedMode={deleted}
        bulk={bulk}
        onDone={() => setSelected(new Set())}
      />
      <Paper withBorder>
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data ? table(items, { selected, onSelect: setSelected }) : null}
      </Paper>
      {list.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
