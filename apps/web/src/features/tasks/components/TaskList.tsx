import { ActionIcon, Anchor, Badge, Checkbox, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconDots, IconPencil, IconRepeat, IconTrash } from '@tabler/icons-react';
import type { Task, User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from '../../../app/record-path';
import { formatDateTime } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { PersonName } from '../../../ui/PersonName';
import { useCompleteTask, useDeleteTask } from '../api';
import { TaskFormModal } from './TaskFormModal';

type Props = {
  tasks: Task[];
  users: User[];
  /** Show which record each task is on (the task list); the record's own card leaves it out. */
  showRecord?: boolean;
  emptyText: string;
};

const priorityColors = { low: 'gray', normal: 'blue', high: 'red' } as const;

/** Tasks with a tick to complete each; a recurring task, once done, says when it comes next. */
export function TaskList({ tasks, users, showRecord = true, emptyText }: Props) {
  const { t } = useTranslation();
  const completeTask = useCompleteTask();
  const deleteTask = useDeleteTask();
  const [editing, setEditing] = useState<Task | null>(null);
  const names = new Map(users.map((user) => [user.id, user.name]));

  const complete = (task: Task) =>
    completeTask.mutate(task.id, {
      onSuccess: ({ next }) =>
        notifySuccess(
          next?.dueAt ? t('tasks.completedNext', { date: formatDateTime(next.dueAt) }) : t('tasks.completed'),
        ),
      onError: notifyError,
    });

  if (tasks.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" ta="center">
        {emptyText}
      </Text>
    );
  }

  return (
    <>
      <Stack gap={6} data-testid="task-list">
        {tasks.map((task) => (
          <Paper key={task.id} withBorder p="xs" radius="md" data-testid="task-row">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="nowrap" miw={0} align="flex-start">
                <Checkbox
                  mt={2}
                  checked={task.status === 'done'}
                  disabled={task.status === 'done' || completeTask.isPending}
                  onChange={() => complete(task)}
                  aria-label={t('tasks.complete')}
                  data-testid="task-complete"
                />
                <Stack gap={2} miw={0}>
                  <Text
                    size="sm"
                    fw={500}
                    td={task.status === 'done' ? 'line-through' : undefined}
                    c={task.status === 'done' ? 'dimmed' : undefined}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {task.title}
                  </Text>
                  <Group gap={8}>
                    <Text size="xs" c={task.overdue ? 'red' : 'dimmed'} fw={task.overdue ? 600 : 400}>
                      {task.dueAt ? formatDateTime(task.dueAt) : t('tasks.noDue')}
                    </Text>
                    {task.overdue ? (
                      <Badge
                        size="xs"
                        color="red"
                        variant="light"
                        styles={{ root: { textTransform: 'none' } }}
                      >
                        {t('tasks.overdue')}
                      </Badge>
                    ) : null}
                    {task.priority !== 'normal' ? (
                      <Badge
                        size="xs"
                        variant="light"
                        color={priorityColors[task.priority]}
                        styles={{ root: { textTransform: 'none' } }}
                      >
                        {t(`tasks.priority.${task.priority}`)}
                      </Badge>
                    ) : null}
                    {task.recurrence ? (
                      <Tooltip label={t(`tasks.recurrence.${task.recurrence.frequency}`)}>
                        <IconRepeat size={14} color="var(--mantine-color-dimmed)" />
                      </Tooltip>
                    ) : null}
                    {showRecord && task.entity && task.recordId ? (
                      <Anchor
                        component={Link}
                        to={recordPath(task.entity, task.recordId)}
                        size="xs"
                        data-testid="task-record"
                      >
                        {task.recordTitle
                          ? `${t(`entities.${task.entity}`)}: ${task.recordTitle}`
                          : t(`entities.${task.entity}`)}
                      </Anchor>
                    ) : null}
                  </Group>
                </Stack>
              </Group>
              <Group gap={6} wrap="nowrap">
                <PersonName size="xs" name={names.get(task.assigneeId) ?? null} />
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('common.actions')}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(task)}>
                      {t('common.edit')}
                    </Menu.Item>
                    <Menu.Item
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      onClick={() =>
                        deleteTask.mutate(task, {
                          onSuccess: () => notifySuccess(t('tasks.deleted')),
                          onError: notifyError,
                        })
                      }
                    >
                      {t('common.delete')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {editing ? (
        <TaskFormModal
          key={editing.id}
          opened
          onClose={() => setEditing(null)}
          users={users}
          task={editing}
        />
      ) : null}
    </>
  );
}
