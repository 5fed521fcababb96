import { Button, Group, Paper, SegmentedControl, Tabs } from '@mantine/core';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import type { User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useTasks } from '../features/tasks/api';
import { TaskCalendar } from '../features/tasks/components/TaskCalendar';
import { TaskFormModal } from '../features/tasks/components/TaskFormModal';
import { TaskList } from '../features/tasks/components/TaskList';
import { useUsers } from '../features/users/api';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

const scopes = ['today', 'overdue', 'upcoming', 'done'] as const;
type Tab = (typeof scopes)[number] | 'calendar';

/** The user's tasks: today, overdue, upcoming and done, and a calendar of tasks and meetings. */
export function TasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab =
    requested === 'calendar' || (scopes as readonly string[]).includes(requested ?? '')
      ? (requested as Tab)
      : 'today';
  const users = useUsers();
  const { user } = useCurrentSession();
  const [creating, setCreating] = useState(false);
  // Heads and owners see the department's tasks too; their own come first.
  const [mine, setMine] = useState(true);
  const assigneeId = mine ? user.id : undefined;

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        actions={
          <Group gap="sm">
            <SegmentedControl
              value={mine ? 'mine' : 'all'}
              onChange={(value) => setMine(value === 'mine')}
              data={[
                { value: 'mine', label: t('tasks.mine') },
                { value: 'all', label: t('tasks.everyone') },
              ]}
              data-testid="tasks-whose"
            />
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="new-task"
            >
              {t('tasks.new')}
            </Button>
          </Group>
        }
      />
      <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} mb="md">
        <Tabs.List>
          {scopes.map((scope) => (
            <Tabs.Tab key={scope} value={scope} data-testid={`tasks-tab-${scope}`}>
              {t(`tasks.tabs.${scope}`)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab
            value="calendar"
            leftSection={<IconCalendar size={14} />}
            data-testid="tasks-tab-calendar"
          >
            {t('tasks.tabs.calendar')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'calendar' ? (
        <TaskCalendar users={users.data ?? []} userId={assigneeId} />
      ) : (
        <ScopeList key={tab} scope={tab} assigneeId={assigneeId} users={users.data ?? []} />
      )}
      <TaskFormModal opened={creating} onClose={() => setCreating(false)} users={users.data ?? []} />
    </>
  );
}

type ScopeListProps = {
  scope: (typeof scopes)[number];
  assigneeId: string | undefined;
  users: User[];
};

function ScopeList({ scope, assigneeId, users }: ScopeListProps) {
  const { t } = useTranslation();
  const tasks = useTasks({ scope, assigneeId });
  return (
    <Paper withBorder p="sm">
      {tasks.isPending ? <PageLoader /> : null}
      {tasks.isError ? <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.data ? (
        <TaskList tasks={tasks.data} users={users} emptyText={t(`tasks.empty.${scope}`)} />
      ) : null}
    </Paper>
  );
}
