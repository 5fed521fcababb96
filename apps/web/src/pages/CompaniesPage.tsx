import { Button, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useBulkCompanies, useCompanyList } from '../features/companies/api';
import { CompaniesTable } from '../features/companies/components/CompaniesTable';
import { CreateCompanyModal } from '../features/companies/components/CreateCompanyModal';
import { PartyListView } from '../features/companies/components/PartyListView';
import { useUserNames, useUsers } from '../features/users/api';
import { PageHeader } from '../ui/PageHeader';

/** Companies: search by name, phone, email or INN, a page at a time; bulk actions on the selected. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [search, setSearch] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 300);
  const companies = useCompanyList(q, deleted);
  const bulk = useBulkCompanies();
  const users = useUsers();
  const userNames = useUserNames();
  const [creating, setCreating] = useState(false);

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
      <PartyListView
        path="companies"
        search={search}
        onSearch={setSearch}
        deleted={deleted}
        onDeleted={setDeleted}
        list={companies}
        bulk={bulk}
        users={users.data ?? []}
        table={(items, selection) => (
          <CompaniesTable companies={items} userNames={userNames} selection={selection} deleted={deleted} />
        )}
      />
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
