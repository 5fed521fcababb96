import { Grid, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useProcessTask, useProcessTasks } from '../features/processes/api';
import { InboxList } from '../features/processes/components/InboxList';
import { ProcessTaskForm } from '../features/processes/components/ProcessTaskForm';
import { useUsers } from '../features/users/api';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

/** "Process tasks": the tasks business processes set for me or my role, and the chosen one's form. */
export function InboxPage() {
  const { t } = useTranslation();
  const { taskId } = useParams();
  const navigate = useNavigate();
  const tasks = useProcessTasks({ scope: 'mine', status: 'open' });
  const users = useUsers();

  return (
    <>
      <PageHeader title={t('processes.tasks.title')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          {tasks.isPending ? <PageLoader /> : null}
          {tasks.isError ? <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
          {tasks.data ? <InboxList tasks={tasks.data} selectedId={taskId} /> : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          {taskId ? (
            <TaskDetail
              key={taskId}
              taskId={taskId}
              users={users.data ?? []}
              onCompleted={() => navigate('/inbox', { replace: true })}
            />
          ) : (
            <Paper withBorder radius="md" p="xl">
              <Text c="dimmed" ta="center">
                {t('processes.tasks.pick')}
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

type DetailProps = {
  taskId: string;
  users: NonNullable<ReturnType<typeof useUsers>['data']>;
  onCompleted: () => void;
};

function TaskDetail({ taskId, users, onCompleted }: DetailProps) {
  const task = useProcessTask(taskId);
  if (task.isPending) return <PageLoader />;
  if (task.isError) return <LoadError error={task.error} onRetry={() => void task.refetch()} />;
  return <ProcessTaskForm task={task.data} users={users} onCompleted={onCompleted} />;
}
