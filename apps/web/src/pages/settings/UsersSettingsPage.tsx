import { Paper } from '@mantine/core';
import type { User } from '@voronka/domain';
import { useState } from 'react';
import { useCurrentSession } from '../../features/auth/session-context';
import { useDepartments } from '../../features/departments/api';
import { useUsers } from '../../features/users/api';
import { EditUserModal } from '../../features/users/components/EditUserModal';
import { UsersTable } from '../../features/users/components/UsersTable';
import { LoadError } from '../../ui/LoadError';
import { PageLoader } from '../../ui/PageLoader';

export function UsersSettingsPage() {
  const { user: actor } = useCurrentSession();
  const users = useUsers();
  const departments = useDepartments();
  const [editing, setEditing] = useState<User | null>(null);
  const departmentList = departments.data ?? [];

  if (users.isPending) return <PageLoader />;
  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;

  return (
    <Paper withBorder>
      <UsersTable users={users.data} departments={departmentList} onEdit={setEditing} />
      {editing ? (
        <EditUserModal
          key={editing.id}
          user={editing}
          departments={departmentList}
          actorRole={actor.role}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Paper>
  );
}
