import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useCompanyNames } from '../features/companies/api';
import { useContactList } from '../features/contacts/api';
import { ContactsTable } from '../features/contacts/components/ContactsTable';
import { CreateContactModal } from '../features/contacts/components/CreateContactModal';
import { useUserNames, useUsers } from '../features/users/api';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

/** Contacts: search by name, phone in any spelling or email, a page at a time. */
export function ContactsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const contacts = useContactList(q);
  const users = useUsers();
  const userNames = useUserNames();
  const [creating, setCreating] = useState(false);
  const items = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  const companyNames = useCompanyNames(items.map((contact) => contact.companyId));

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        actions={
          <Group gap="sm">
            <Button
              component={Link}
              to="/contacts/duplicates"
              variant="default"
              leftSection={<IconCopy size={16} />}
            >
              {t('duplicates.title')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="new-contact"
            >
              {t('contacts.new')}
            </Button>
          </Group>
        }
      />
      <Stack gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('contacts.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={420}
          data-testid="contacts-search"
        />
        <Paper withBorder>
          {contacts.isPending ? <PageLoader /> : null}
          {contacts.isError ? (
            <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />
          ) : null}
          {contacts.data ? (
            <ContactsTable contacts={items} userNames={userNames} companyNames={companyNames} />
          ) : null}
        </Paper>
        {contacts.hasNextPage ? (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void contacts.fetchNextPage()}
              loading={contacts.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <CreateContactModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(contact) => navigate(`/contacts/${contact.id}`)}
        users={users.data ?? []}
        currentUserId={user.id}
      />
    </>
  );
}
