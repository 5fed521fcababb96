import { Button, Grid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Company, User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useCompany, useDeleteCompany } from '../features/companies/api';
import { CompanyEditForm } from '../features/companies/components/CompanyEditForm';
import { PartyCardHeader } from '../features/companies/components/PartyCardHeader';
import { useCompanyChangeFormat } from '../features/companies/use-company-change-format';
import { useContactList } from '../features/contacts/api';
import { ContactsTable } from '../features/contacts/components/ContactsTable';
import { CreateContactModal } from '../features/contacts/components/CreateContactModal';
import { RelatedDeals } from '../features/deals/components/RelatedDeals';
import { RecordTasks } from '../features/tasks/components/RecordTasks';
import { ActivityComposer } from '../features/timeline/components/ActivityComposer';
import { RecordTimeline } from '../features/timeline/components/RecordTimeline';
import { useUserNames, useUsers } from '../features/users/api';
import { LoadError } from '../ui/LoadError';
import { PageLoader } from '../ui/PageLoader';
import { Section } from '../ui/Section';

export function CompanyPage() {
  const { companyId = '' } = useParams();
  const company = useCompany(companyId);
  const users = useUsers();
  if (company.isPending) return <PageLoader />;
  if (company.isError) return <LoadError error={company.error} onRetry={() => void company.refetch()} />;
  return <CompanyCard company={company.data} users={users.data ?? []} />;
}

type CardProps = {
  company: Company;
  users: User[];
};

/** A company's card: requisites, its contacts and deals, next steps and timeline. */
function CompanyCard({ company, users }: CardProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const contacts = useContactList('', company.id);
  const userNames = useUserNames();
  const format = useCompanyChangeFormat();
  const deleteCompany = useDeleteCompany();
  const [addingContact, setAddingContact] = useState(false);
  const contactItems = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  const requisites = [
    company.inn ? `${t('companies.fields.inn')} ${company.inn}` : null,
    company.kpp ? `${t('companies.fields.kpp')} ${company.kpp}` : null,
  ].filter(Boolean);

  return (
    <Stack gap="md">
      <PartyCardHeader
        path="companies"
        entity="company"
        id={company.id}
        name={company.name}
        remove={deleteCompany}
      >
        {requisites.length > 0 ? (
          <Text size="sm" c="dimmed">
            {requisites.join(' · ')}
          </Text>
        ) : null}
      </PartyCardHeader>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('companies.sections.details')}>
              <CompanyEditForm key={company.updatedAt} company={company} users={users} />
            </Section>
            <Section
              title={t('companies.sections.contacts')}
              actions={
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setAddingContact(true)}
                >
                  {t('contacts.new')}
                </Button>
              }
            >
              {contacts.isPending ? <PageLoader /> : null}
              {contacts.isError ? <LoadError error={contacts.error} /> : null}
              {contacts.data ? (
                <ContactsTable
                  contacts={contactItems}
                  userNames={userNames}
                  companyNames={new Map()}
                  showCompany={false}
                />
              ) : null}
            </Section>
            <Section title={t('companies.sections.deals')}>
              <RelatedDeals filter={{ companyId: company.id }} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section title={t('deals.sections.nextSteps')}>
              <RecordTasks entity="company" recordId={company.id} users={users} />
            </Section>
            <Section title={t('deals.sections.timeline')}>
              <Stack gap="md">
                <ActivityComposer entity="company" recordId={company.id} users={users} />
                <RecordTimeline entity="company" recordId={company.id} users={users} {...format} />
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <CreateContactModal
        opened={addingContact}
        onClose={() => setAddingContact(false)}
        onCreated={() => setAddingContact(false)}
        users={users}
        currentUserId={user.id}
        companyId={company.id}
      />
    </Stack>
  );
}
