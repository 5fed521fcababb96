import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { type TaskEntity, useTasks } from '../api';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

type Props = {
  entity: TaskEntity;
  recordId: string;
  users: User[];
};

/** A record's open tasks (its next steps) and a button to plan one more. */
export function RecordTasks({ entity, recordId, users }: Props) {
  const { t } = useTranslation();
  const tasks = useTasks({ scope: 'all', entity, recordId });
  const [creating, setCreating] = useState(false);
  const open = (tasks.data ?? []).filter((task) => task.status === 'open');

  return (
    <Stack gap="xs">
      {tasks.isPending ? <PageLoader /> : null}
      {tasks.isError ? <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.data ? (
        <TaskList tasks={open} users={users} showRecord={false} emptyText={t('tasks.noOpenTasks')} />
      ) : null}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setCreating(true)}
          data-testid="add-task"
        >
          {t('tasks.new')}
        </Button>
      </Group>
      <TaskFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        users={users}
        record={{ entity, recordId }}
      />
    </Stack>
  );
}
