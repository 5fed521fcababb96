import { ActionIcon, Badge, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { Department, User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';

type Props = {
  users: User[];
  departments: Department[];
  onEdit: (user: User) => void;
};

export function UsersTable({ users, departments, onEdit }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  const departmentNames = new Map(departments.map((department) => [department.id, department.name]));

  if (users.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('users.empty')}
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.function')}</Table.Th>
            <Table.Th>{t('users.department')}</Table.Th>
            <Table.Th>{t('users.active')}</Table.Th>
            <Table.Th w={60} aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td fw={500}>{user.name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{user.function ? t(`functions.${user.function}`) : none}</Table.Td>
              <Table.Td>
                {user.departmentId ? (departmentNames.get(user.departmentId) ?? none) : none}
              </Table.Td>
              <Table.Td>
                <Badge
                  color={user.active ? 'teal' : 'gray'}
                  variant="light"
                  style={{ textTransform: 'none' }}
                >
                  {user.active ? t('users.active') : t('users.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Tooltip label={t('users.edit')}>
                  <ActionIcon variant="subtle" aria-label={t('users.edit')} onClick={() => onEdit(user)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
