import { Paper, Stack, Title } from '@mantine/core';
import { canAssignRole, roles } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitation } from '../../api/types';
import { useCurrentSession } from '../../features/auth/session-context';
import { useDepartments } from '../../features/departments/api';
import { useInvitations, useRevokeInvitation } from '../../features/invitations/api';
import { InvitationForm } from '../../features/invitations/components/InvitationForm';
import { InvitationsTable } from '../../features/invitations/components/InvitationsTable';
import { LoadError } from '../../ui/LoadError';
import { notifyError, notifySuccess } from '../../ui/notify';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { PageLoader } from '../../ui/PageLoader';

export function InvitationsSettingsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const invitations = useInvitations();
  const departments = useDepartments();
  const revokeInvitation = useRevokeInvitation();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const departmentList = departments.data ?? [];

  return (
    <Stack>
      <InvitationForm
        departments={departmentList}
        assignableRoles={roles.filter((role) => canAssignRole(user.role, role))}
        onCreated={setCreated}
      />
      {created ? (
        <OneTimeSecret
          title={t('invitations.linkTitle')}
          hint={t('invitations.linkHint')}
          value={new URL(created.acceptPath, window.location.origin).toString()}
          onClose={() => setCreated(null)}
        />
      ) : null}
      <Title order={4}>{t('invitations.list')}</Title>
      {invitations.isPending ? <PageLoader /> : null}
      {invitations.isError ? (
        <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : null}
      {invitations.data ? (
        <Paper withBorder>
          <InvitationsTable
            invitations={invitations.data}
            departments={departmentList}
            onRevoke={(invitation) =>
              revokeInvitation.mutate(invitation.id, {
                onSuccess: () => notifySuccess(t('invitations.revoked')),
                onError: notifyError,
              })
            }
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
