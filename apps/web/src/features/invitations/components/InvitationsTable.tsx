import { Badge, Table, Text } from '@mantine/core';
import type { Department } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../api/types';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatDateTime } from '../../../ui/format';

type Props = {
  invitations: Invitation[];
  departments: Department[];
  onRevoke: (invitation: Invitation) => void;
};

type Status = 'pending' | 'accepted' | 'expired';

function statusOf(invitation: Invitation, now: number): Status {
  if (invitation.acceptedAt) return 'accepted';
  return Date.parse(invitation.expiresAt) < now ? 'expired' : 'pending';
}

const statusColors: Record<Status, string> = { pending: 'blue', accepted: 'teal', expired: 'gray' };

export function InvitationsTable({ invitations, departments, onRevoke }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  const departmentNames = new Map(departments.map((department) => [department.id, department.name]));
  const now = Date.now();

  if (invitations.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {t('invitations.empty')}
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" data-testid="invitations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invitations.email')}</Table.Th>
            <Table.Th>{t('invitations.role')}</Table.Th>
            <Table.Th>{t('invitations.department')}</Table.Th>
            <Table.Th>{t('invitations.status')}</Table.Th>
            <Table.Th>{t('invitations.expiresAt')}</Table.Th>
            <Table.Th aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => {
            const status = statusOf(invitation, now);
            return (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>
                  {t(`roles.${invitation.role}`)}
                  {invitation.function ? ` · ${t(`functions.${invitation.function}`)}` : ''}
                </Table.Td>
                <Table.Td>
                  {invitation.departmentId ? (departmentNames.get(invitation.departmentId) ?? none) : none}
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColors[status]} variant="light" style={{ textTransform: 'none' }}>
                    {t(`invitations.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(invitation.expiresAt)}</Table.Td>
                <Table.Td ta="right">
                  {status === 'pending' ? (
                    <ConfirmButton
                      size="xs"
                      question={t('invitations.revokeConfirm', { email: invitation.email })}
                      onConfirm={() => onRevoke(invitation)}
                    >
                      {t('common.revoke')}
                    </ConfirmButton>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
