import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useCompanyList } from '../features/companies/api';
import { CompaniesTable } from '../features/companies/components/CompaniesTable';
import { CreateCompanyModal } from '../features/companies/components/CreateCompanyModal';
import { useUserNames, useUsers } from '../features/users/api';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

/** Companies: search by name, phone, email or INN, a page at a time. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const companies = useCompanyList(q);
  const users = useUsers();
  const userNames = useUserNames();
  const [creating, setCreating] = useState(false);
  const items = companies.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        actions={
          <Group gap="sm">
            <Button
              component={Link}
              to="/companies/duplicates"
              variant="default"
              leftSection={<IconCopy size={16} />}
            >
              {t('duplicates.title')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="new-company"
            >
              {t('companies.new')}
            </Button>
          </Group>
        }
      />
      <Stack gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('companies.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={420}
          data-testid="companies-search"
        />
        <Paper withBorder>
          {companies.isPending ? <PageLoader /> : null}
          {companies.isError ? (
            <LoadError error={companies.error} onRetry={() => void companies.refetch()} />
          ) : null}
          {companies.data ? <CompaniesTable companies={items} userNames={userNames} /> : null}
        </Paper>
        {companies.hasNextPage ? (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void companies.fetchNextPage()}
              loading={companies.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <CreateCompanyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(company) => navigate(`/companies/${company.id}`)}
        users={users.data ?? []}
        currentUserId={user.id}
      />
    </>
  );
}
