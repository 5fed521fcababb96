import { SegmentedControl, Table } from '@mantine/core';
import { type Role, type RoleSetting, roles, type Visibility } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useUpdateRoleVisibility } from '../api';

type Props = {
  settings: RoleSetting[];
};

const visibilities: Visibility[] = ['own', 'department', 'all'];

/** Every role with the records it sees; a change is saved at once. */
export function RoleVisibilityTable({ settings }: Props) {
  const { t } = useTranslation();
  const updateVisibility = useUpdateRoleVisibility();
  const byRole = new Map(settings.map((setting) => [setting.role, setting.visibility]));

  const change = (role: Role, visibility: Visibility) =>
    updateVisibility.mutate(
      { role, visibility },
      { onSuccess: () => notifySuccess(t('rolesPage.updated')), onError: notifyError },
    );

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" data-testid="roles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('rolesPage.visibility')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roles
            .filter((role) => byRole.has(role))
            .map((role) => (
              <Table.Tr key={role}>
                <Table.Td fw={500}>{t(`roles.${role}`)}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    value={byRole.get(role)}
                    onChange={(value) => change(role, value)}
                    aria-label={t(`roles.${role}`)}
                    data={visibilities.map((value) => ({ value, label: t(`visibility.${value}`) }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
