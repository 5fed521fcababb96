import { Button, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useBulkLeads, useLeads } from '../features/leads/api';
import { CreateLeadModal } from '../features/leads/components/CreateLeadModal';
import { LeadDrawer } from '../features/leads/components/LeadDrawer';
import { LeadsTable } from '../features/leads/components/LeadsTable';
import { LeadsToolbar } from '../features/leads/components/LeadsToolbar';
import { applyLeadView, defaultLeadView, type LeadView } from '../features/leads/lead-view';
import { StartProcessOnSelected } from '../features/processes/components/StartProcessOnSelected';
import { useUsers } from '../features/users/api';
import { BulkActionBar } from '../ui/BulkActionBar';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

/** The lead list with bulk actions on the selected; `/leads/:leadId` opens the lead card over it. */
export function LeadsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { leadId = null } = useParams();
  const { user } = useCurrentSession();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<LeadView>(defaultLeadView);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const deleted = view.filters.deleted === 'true';
  const leads = useLeads(deleted);
  const bulk = useBulkLeads();
  const changeView = (next: LeadView) => {
    setView(next);
    setSelected(new Set());
  };
  const sources = [
    ...new Set((leads.data ?? []).flatMap((lead) => (lead.source ? [lead.source] : []))),
  ].sort();
  const userList = users.data ?? [];
  const userNames = new Map(userList.map((item) => [item.id, item.name]));
  const leadTitles = new Map((leads.data ?? []).map((lead) => [lead.id, lead.title]));

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="new-lead"
          >
            {t('leads.new')}
          </Button>
        }
      />
      <LeadsToolbar view={view} onChange={changeView} users={userList} sources={sources} />
      <BulkActionBar
        selected={selected}
        users={userList}
        deletedMode={deleted}
        bulk={bulk}
        onDone={() => setSelected(new Set())}
      >
        <StartProcessOnSelected
          entity="lead"
          recordIds={[...selected]}
          titleOf={(id) => leadTitles.get(id) ?? id}
          onFinished={(failedIds) => setSelected(new Set(failedIds))}
        />
      </BulkActionBar>
      <Paper withBorder>
        {leads.isPending ? <PageLoader /> : null}
        {leads.isError ? <LoadError error={leads.error} onRetry={() => void leads.refetch()} /> : null}
        {leads.data ? (
          <LeadsTable
            leads={applyLeadView(leads.data, view)}
            userNames={userNames}
            columns={view.columns}
            onOpen={deleted ? undefined : (lead) => navigate(`/leads/${lead.id}`)}
            selected={selected}
            onSelect={setSelected}
          />
        ) : null}
      </Paper>
      <CreateLeadModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(lead) => navigate(`/leads/${lead.id}`)}
        users={userList}
        currentUserId={user.id}
      />
      <LeadDrawer leadId={leadId} users={userList} onClose={() => navigate('/leads')} />
    </>
  );
}
