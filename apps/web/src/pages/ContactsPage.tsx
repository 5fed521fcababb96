import { Button, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useCompanyNames } from '../features/companies/api';
import { PartyListView } from '../features/companies/components/PartyListView';
import { useBulkContacts, useContactList } from '../features/contacts/api';
import { ContactsTable } from '../features/contacts/components/ContactsTable';
import { CreateContactModal } from '../features/contacts/components/CreateContactModal';
import { useUserNames, useUsers } from '../features/users/api';
import { PageHeader } from '../ui/PageHeader';

/** Contacts: search by name, phone in any spelling or email, a page at a time; bulk actions on the selected. */
export function ContactsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [search, setSearch] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 300);
  const contacts = useContactList(q, undefined, deleted);
  const bulk = useBulkContacts();
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
      <PartyListView
        path="contacts"
        search={search}
        onSearch={setSearch}
        deleted={deleted}
        onDeleted={setDeleted}
        list={contacts}
        bulk={bulk}
        users={users.data ?? []}
        table={(rows, selection) => (
          <ContactsTable
            contacts={rows}
            userNames={userNames}
            companyNames={companyNames}
            selection={selection}
            deleted={deleted}
          />
        )}
      />
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
