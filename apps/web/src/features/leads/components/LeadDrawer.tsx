import { Divider, Drawer, Text, Title } from '@mantine/core';
import type { User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { HistoryList } from '../../history/components/HistoryList';
import { useLead } from '../api';
import { useLeadHistoryFormat } from '../use-lead-history-format';
import { LeadEditForm } from './LeadEditForm';

type Props = {
  leadId: string | null;
  users: User[];
  onClose: () => void;
};

/** The lead card: its fields for editing and its change history. */
export function LeadDrawer({ leadId, users, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={leadId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('leads.card')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {leadId ? <LeadCard leadId={leadId} users={users} onDeleted={onClose} /> : null}
    </Drawer>
  );
}

type CardProps = {
  leadId: string;
  users: User[];
  onDeleted: () => void;
};

function LeadCard({ leadId, users, onDeleted }: CardProps) {
  const { t } = useTranslation();
  const lead = useLead(leadId);
  const { fieldLabel, formatValue } = useLeadHistoryFormat(users);

  if (lead.isPending) return <PageLoader />;
  if (lead.isError) return <LoadError error={lead.error} onRetry={() => void lead.refetch()} />;

  return (
    <>
      <Title order={3} mb={4} style={{ overflowWrap: 'anywhere' }} data-testid="lead-card-title">
        {lead.data.title}
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        {t('leads.createdAt')}: {formatDateTime(lead.data.createdAt)}
      </Text>
      <LeadEditForm key={lead.data.updatedAt} lead={lead.data} users={users} onDeleted={onDeleted} />
      <Divider my="lg" label={t('leads.history')} labelPosition="left" />
      <HistoryList entity="lead" recordId={leadId} fieldLabel={fieldLabel} formatValue={formatValue} />
    </>
  );
}
