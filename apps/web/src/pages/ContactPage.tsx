import { Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import type { Contact, User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompanyNames } from '../features/companies/api';
import { PartyCardHeader } from '../features/companies/components/PartyCardHeader';
import { useContact, useDeleteContact } from '../features/contacts/api';
import { ContactEditForm } from '../features/contacts/components/ContactEditForm';
import { useContactChangeFormat } from '../features/contacts/use-contact-change-format';
import { RelatedDeals } from '../features/deals/components/RelatedDeals';
import { RecordTasks } from '../features/tasks/components/RecordTasks';
import { ActivityComposer } from '../features/timeline/components/ActivityComposer';
import { RecordTimeline } from '../features/timeline/components/RecordTimeline';
import { useUsers } from '../features/users/api';
import { LoadError } from '../ui/LoadError';
import { PageLoader } from '../ui/PageLoader';
import { Section } from '../ui/Section';

export function ContactPage() {
  const { contactId = '' } = useParams();
  const contact = useContact(contactId);
  const users = useUsers();
  if (contact.isPending) return <PageLoader />;
  if (contact.isError) return <LoadError error={contact.error} onRetry={() => void contact.refetch()} />;
  return <ContactCard contact={contact.data} users={users.data ?? []} />;
}

type CardProps = {
  contact: Contact;
  users: User[];
};

/** A contact's card: details, company, deals, next steps and timeline. */
function ContactCard({ contact, users }: CardProps) {
  const { t } = useTranslation();
  const companyIds = contact.companyId ? [contact.companyId] : [];
  const companies = useCompanyNames(companyIds);
  const format = useContactChangeFormat(companyIds);
  const deleteContact = useDeleteContact();

  return (
    <Stack gap="md">
      <PartyCardHeader
        path="contacts"
        entity="contact"
        id={contact.id}
        name={contact.name}
        remove={deleteContact}
      >
        <Group gap="sm">
          {contact.position ? (
            <Text size="sm" c="dimmed">
              {contact.position}
            </Text>
          ) : null}
          {contact.companyId ? (
            <Anchor component={Link} to={`/companies/${contact.companyId}`} size="sm">
              <Group gap={4}>
                <IconBuilding size={14} />
                {companies.get(contact.companyId) ?? '…'}
              </Group>
            </Anchor>
          ) : null}
        </Group>
      </PartyCardHeader>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('contacts.sections.details')}>
              <ContactEditForm key={contact.updatedAt} contact={contact} users={users} />
            </Section>
            <Section title={t('contacts.sections.deals')}>
              <RelatedDeals filter={{ contactId: contact.id }} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section title={t('deals.sections.nextSteps')}>
              <RecordTasks entity="contact" recordId={contact.id} users={users} />
            </Section>
            <Section title={t('deals.sections.timeline')}>
              <Stack gap="md">
                <ActivityComposer entity="contact" recordId={contact.id} users={users} />
                <RecordTimeline entity="contact" recordId={contact.id} users={users} {...format} />
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
