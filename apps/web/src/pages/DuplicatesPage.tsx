import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompanyDuplicates, useMergeCompanies } from '../features/companies/api';
import { useContactDuplicates, useMergeContacts } from '../features/contacts/api';
import { DuplicateGroups } from '../features/duplicates/components/DuplicateGroups';
import { LoadError } from '../ui/LoadError';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

type Props = {
  entity: 'company' | 'contact';
};

/** Companies or contacts sharing a phone, an email or an INN, to merge into one. */
export function DuplicatesPage({ entity }: Props) {
  const { t } = useTranslation();
  const companyGroups = useCompanyDuplicates(entity === 'company');
  const contactGroups = useContactDuplicates(entity === 'contact');
  const mergeCompanies = useMergeCompanies();
  const mergeContacts = useMergeContacts();
  const groups = entity === 'company' ? companyGroups : contactGroups;
  const merge = entity === 'company' ? mergeCompanies : mergeContacts;
  const section = entity === 'company' ? 'companies' : 'contacts';

  // One merge per source, one after another: each moves links and history into the kept record.
  const mergeAll = async (targetId: string, sourceIds: string[]) => {
    try {
      for (const sourceId of sourceIds) await merge.mutateAsync({ targetId, sourceId });
      notifySuccess(t('duplicates.merged'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <Anchor component={Link} to={`/${section}`} size="sm">
        <Group gap={4} mb="xs">
          <IconArrowLeft size={14} />
          {t(`${section}.title`)}
        </Group>
      </Anchor>
      <PageHeader title={t(`duplicates.titleOf.${entity}`)} />
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('duplicates.intro')}
        </Text>
        {groups.isPending ? <PageLoader /> : null}
        {groups.isError ? <LoadError error={groups.error} onRetry={() => void groups.refetch()} /> : null}
        {groups.data ? (
          <DuplicateGroups
            groups={groups.data}
            pathOf={(id) => `/${section}/${id}`}
            merging={merge.isPending}
            onMerge={(keepId, sourceIds) => void mergeAll(keepId, sourceIds)}
          />
        ) : null}
      </Stack>
    </>
  );
}
