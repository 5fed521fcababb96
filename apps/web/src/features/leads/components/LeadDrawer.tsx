import { Anchor, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsRightLeft, IconBriefcase } from '@tabler/icons-react';
import type { Lead, User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useDeal } from '../../deals/api';
import { NoNextStepBadge } from '../../deals/components/NoNextStepBadge';
import { HistoryList } from '../../history/components/HistoryList';
import { StartProcessMenu } from '../../processes/components/StartProcessMenu';
import { useTasks } from '../../tasks/api';
import { RecordTasks } from '../../tasks/components/RecordTasks';
import { ActivityComposer } from '../../timeline/components/ActivityComposer';
import { RecordTimeline } from '../../timeline/components/RecordTimeline';
import { useLead } from '../api';
import { useLeadHistoryFormat } from '../use-lead-history-format';
import { ConvertLeadModal } from './ConvertLeadModal';
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
  const dealId = lead.data?.dealId ?? null;
  const deal = useDeal(dealId ?? '', dealId !== null);
  const { fieldLabel, formatValue } = useLeadHistoryFormat(users, {
    companyIds: lead.data?.companyId ? [lead.data.companyId] : [],
    contactIds: lead.data?.contactId ? [lead.data.contactId] : [],
    deals: deal.data ? new Map([[deal.data.id, deal.data.title]]) : undefined,
  });

  if (lead.isPending) return <PageLoader />;
  if (lead.isError) return <LoadError error={lead.error} onRetry={() => void lead.refetch()} />;

  return (
    <>
      <Title order={3} mb={4} style={{ overflowWrap: 'anywhere' }} data-testid="lead-card-title">
        {lead.data.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('leads.createdAt')}: {formatDateTime(lead.data.createdAt)}
      </Text>
      <LeadActions lead={lead.data} />
      <LeadEditForm key={lead.data.updatedAt} lead={lead.data} users={users} onDeleted={onDeleted} />
      <Divider my="lg" label={t('leads.nextSteps')} labelPosition="left" />
      <RecordTasks entity="lead" recordId={leadId} users={users} />
      <Divider my="lg" label={t('leads.activities')} labelPosition="left" />
      <Stack gap="md">
        <ActivityComposer entity="lead" recordId={leadId} users={users} />
        <RecordTimeline
          entity="lead"
          recordId={leadId}
          users={users}
          fieldLabel={fieldLabel}
          formatValue={formatValue}
          activitiesOnly
        />
      </Stack>
      <Divider my="lg" label={t('leads.history')} labelPosition="left" />
      <HistoryList entity="lead" recordId={leadId} fieldLabel={fieldLabel} formatValue={formatValue} />
    </>
  );
}

/**
 * Convert for a lead in work; a link to its deal once converted; starting a process on it; the warning
 * when nothing is planned.
 */
function LeadActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const [converting, setConverting] = useState(false);
  const working = lead.status !== 'converted' && lead.status !== 'refused';
  const tasks = useTasks({ scope: 'all', entity: 'lead', recordId: lead.id }, working);
  const noNextStep =
    working && tasks.data !== undefined && !tasks.data.some((task) => task.status === 'open');

  return (
    <Group gap="sm" mb="lg">
      {lead.status === 'converted' && lead.dealId ? (
        <Anchor component={Link} to={`/deals/${lead.dealId}`} size="sm" fw={500} data-testid="lead-deal-link">
          <Group gap={4}>
            <IconBriefcase size={16} />
            {t('leads.convert.openDeal')}
          </Group>
        </Anchor>
      ) : null}
      {working ? (
        <Button
          size="xs"
          leftSection={<IconArrowsRightLeft size={14} />}
          onClick={() => setConverting(true)}
          data-testid="convert-lead"
        >
          {t('leads.convert.action')}
        </Button>
      ) : null}
      <StartProcessMenu entity="lead" recordId={lead.id} size="xs" />
      {noNextStep ? <NoNextStepBadge /> : null}
      {converting ? <ConvertLeadModal lead={lead} opened onClose={() => setConverting(false)} /> : null}
    </Group>
  );
}
