import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import type { Company, User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useCompany, useDeleteCompany } from '../features/companies/api';
import { CompanyEditForm } from '../features/companies/components/CompanyEditForm';
import { useCompanyChangeFormat } from '../features/companies/use-company-change-format';
import { useContactList } from '../features/contacts/api';
import { ContactsTable } from '../features/contacts/components/ContactsTable';
import { CreateContactModal } from '../features/contacts/components/CreateContactModal';
import { RelatedDeals } from '../features/deals/components/RelatedDeals';
import { RecordTasks } from '../features/tasks/components/RecordTasks';
import { ActivityComposer } from '../features/timeline/components/ActivityComposer';
import { RecordTimeline } from '../features/timeline/components/RecordTimeline';
import { useUserNames, useUsers } from '../features/users/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { LoadError } from '../ui/LoadError';
import { notifyError, notifySuccess } from '../ui/notify';
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
  const navigate = useNavigate();
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

  const remove = () =>
    deleteCompany.mutate(company.id, {
      onSuccess: () => {
        notifySuccess(t('companies.deleted'));
        navigate('/companies');
      },
      onError: notifyError,
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/companies" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('companies.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="company-title">
            {company.name}
          </Title>
          {requisites.length > 0 ? (
            <Text size="sm" c="dimmed">
              {requisites.join(' · ')}
            </Text>
          ) : null}
        </Stack>
        <ConfirmButton
          question={t('companies.deleteConfirm')}
          onConfirm={remove}
          loading={deleteCompany.isPending}
        >
          {t('common.delete')}
        </ConfirmButton>
      </Group>
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
