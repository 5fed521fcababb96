import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ProcessTask } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';

type Props = {
  tasks: ProcessTask[];
  selectedId: string | undefined;
};

/** Open process tasks, the most urgent first; overdue ones in red. */
export function InboxList({ tasks, selectedId }: Props) {
  const { t } = useTranslation();
  if (tasks.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="xl" ta="center" data-testid="inbox-empty">
        {t('processes.tasks.empty')}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="inbox-list">
      {tasks.map((task) => (
        <UnstyledButton key={task.id} component={Link} to={`/inbox/${task.id}`} data-testid="inbox-row">
          <Paper
            withBorder
            radius="md"
            p="sm"
            bg={task.id === selectedId ? 'var(--mantine-primary-color-light)' : undefined}
          >
            <Text size="xs" c="dimmed" truncate>
              {task.processName}
            </Text>
            <Text fw={500} truncate>
              {task.name}
            </Text>
            <Group gap="xs" mt={2}>
              {task.dueAt ? (
                <Text
                  size="xs"
                  c={task.overdue ? 'red' : 'dimmed'}
                  fw={task.overdue ? 600 : undefined}
                  data-testid="inbox-due"
                >
                  {t('processes.tasks.due')}: {formatDateTime(task.dueAt)}
                </Text>
              ) : null}
              {task.overdue ? (
                <Badge tt="none" size="xs" color="red" variant="light">
                  {t('processes.tasks.overdue')}
                </Badge>
              ) : null}
              {task.entity ? (
                <Badge tt="none" size="xs" variant="light" color="gray">
                  {t(`entities.${task.entity as 'deal'}`)}
                </Badge>
              ) : null}
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
