import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Department } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteDepartment, useDepartments } from '../../features/departments/api';
import { DepartmentFormModal } from '../../features/departments/components/DepartmentFormModal';
import { DepartmentTree } from '../../features/departments/components/DepartmentTree';
import { useUsers } from '../../features/users/api';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { LoadError } from '../../ui/LoadError';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';

/** `null` while closed, `'new'` to create, or the department being edited. */
type Editing = Department | 'new' | null;

export function DepartmentsSettingsPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const users = useUsers();
  const deleteDepartment = useDeleteDepartment();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const userList = users.data ?? [];

  if (departments.isPending) return <PageLoader />;
  if (departments.isError)
    return <LoadError error={departments.error} onRetry={() => void departments.refetch()} />;

  const confirmDelete = () => {
    if (!deleting) return;
    deleteDepartment.mutate(deleting.id, {
      onSuccess: () => notifySuccess(t('departments.deleted')),
      onError: notifyError,
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <>
      <Group justify="flex-end" mb="md">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('departments.new')}
        </Button>
      </Group>
      <DepartmentTree
        departments={departments.data}
        userNames={new Map(userList.map((user) => [user.id, user.name]))}
        onEdit={setEditing}
        onDelete={setDeleting}
      />
      {editing ? (
        <DepartmentFormModal
          key={editing === 'new' ? 'new' : editing.id}
          department={editing === 'new' ? null : editing}
          departments={departments.data}
          users={userList}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        question={deleting ? t('departments.deleteConfirm', { name: deleting.name }) : null}
        confirmLabel={t('common.delete')}
        loading={deleteDepartment.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
