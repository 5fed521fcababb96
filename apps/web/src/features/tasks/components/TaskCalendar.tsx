import {
  ActionIcon,
  Box,
  Button,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { Task, User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../app/i18n';
import { LoadError } from '../../../ui/LoadError';
import { useTasks } from '../api';
import { type CalendarMode, calendarDays, dayKey, shiftAnchor, tasksByDay } from '../calendar';
import { TaskFormModal } from './TaskFormModal';

type Props = {
  users: User[];
  /** Only this person's tasks, or everyone's the caller may see. */
  assigneeId?: string;
};

const shownPerDay = { month: 3, week: 50 } as const;

function taskColor(task: Task): string {
  if (task.status === 'done') return 'gray';
  if (task.overdue) return 'red';
  return task.priority === 'high' ? 'orange' : 'indigo';
}

/** Tasks by due date on a month or week grid; a task opens for editing. */
export function TaskCalendar({ users, assigneeId }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CalendarMode>('month');
  const [anchor, setAnchor] = useState(() => new Date());
  const [editing, setEditing] = useState<Task | null>(null);
  const { days, start, end } = calendarDays(anchor, mode);
  const tasks = useTasks({ scope: 'all', assigneeId, from: start.toISOString(), to: end.toISOString() });
  const byDay = tasksByDay(tasks.data ?? []);
  const today = dayKey(new Date());
  const locale = i18n.language;
  const period =
    mode === 'month'
      ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(anchor)
      : `${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(days[0])} — ${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(days[6])}`;
  // "ноябрь 2026 г." → "Ноябрь 2026 г.": only the first letter goes up.
  const title = period.charAt(0).toUpperCase() + period.slice(1);
  const weekdays = days
    .slice(0, 7)
    .map((day) => new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(day));
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });

  return (
    <Stack gap="sm" data-testid="task-calendar">
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setAnchor(shiftAnchor(anchor, mode, -1))}
            aria-label={t('tasks.calendar.previous')}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Button variant="default" onClick={() => setAnchor(new Date())}>
            {t('tasks.calendar.today')}
          </Button>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setAnchor(shiftAnchor(anchor, mode, 1))}
            aria-label={t('tasks.calendar.next')}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
          <Title order={4} ml="sm" data-testid="calendar-title">
            {title}
          </Title>
        </Group>
        <SegmentedControl
          data-testid="calendar-mode"
          value={mode}
          onChange={(value) => setMode(value as CalendarMode)}
          data={[
            { value: 'month', label: t('tasks.calendar.month') },
            { value: 'week', label: t('tasks.calendar.week') },
          ]}
        />
      </Group>
      {tasks.isError ? <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      <Box style={{ overflowX: 'auto' }}>
        <SimpleGrid
          cols={7}
          spacing={0}
          miw={700}
          style={{
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 8,
            overflow: 'hidden',
          }}
        >
          {weekdays.map((weekday) => (
            <Text
              key={weekday}
              size="xs"
              fw={600}
              c="dimmed"
              ta="center"
              py={6}
              tt="uppercase"
              bg="var(--mantine-color-default-hover)"
            >
              {weekday}
            </Text>
          ))}
          {days.map((day) => {
            const key = dayKey(day);
            const dayTasks = byDay.get(key) ?? [];
            const outside = mode === 'month' && day.getMonth() !== anchor.getMonth();
            const limit = shownPerDay[mode];
            return (
              <Stack
                key={key}
                gap={3}
                p={4}
                mih={mode === 'month' ? 104 : 360}
                style={{
                  borderTop: '1px solid var(--mantine-color-default-border)',
                  borderLeft:
                    day.getDay() === 1 ? undefined : '1px solid var(--mantine-color-default-border)',
                  background: outside ? 'var(--mantine-color-default-hover)' : undefined,
                }}
                data-testid="calendar-day"
                data-day={key}
              >
                <Text
                  size="xs"
                  fw={key === today ? 700 : 500}
                  c={key === today ? 'white' : outside ? 'dimmed' : undefined}
                  bg={key === today ? 'indigo' : undefined}
                  w={22}
                  h={22}
                  ta="center"
                  style={{ borderRadius: 11, lineHeight: '22px' }}
                >
                  {day.getDate()}
                </Text>
                {dayTasks.slice(0, limit).map((task) => (
                  <UnstyledButton
                    key={task.id}
                    onClick={() => setEditing(task)}
                    title={task.title}
                    px={6}
                    py={2}
                    style={{
                      borderRadius: 4,
                      borderLeft: `3px solid var(--mantine-color-${taskColor(task)}-6)`,
                      background: `var(--mantine-color-${taskColor(task)}-light)`,
                    }}
                    data-testid="calendar-task"
                  >
                    <Text size="xs" truncate td={task.status === 'done' ? 'line-through' : undefined}>
                      {task.dueAt ? `${time.format(new Date(task.dueAt))} ` : ''}
                      {task.title}
                    </Text>
                  </UnstyledButton>
                ))}
                {dayTasks.length > limit ? (
                  <UnstyledButton
                    px={6}
                    onClick={() => {
                      // The week view lists every task of the day.
                      setAnchor(day);
                      setMode('week');
                    }}
                    data-testid="calendar-more"
                  >
                    <Text size="xs" c="dimmed" td="underline">
                      {t('tasks.calendar.more', { count: dayTasks.length - limit })}
                    </Text>
                  </UnstyledButton>
                ) : null}
              </Stack>
            );
          })}
        </SimpleGrid>
      </Box>
      {editing ? (
        <TaskFormModal
          key={editing.id}
          opened
          onClose={() => setEditing(null)}
          users={users}
          task={editing}
        />
      ) : null}
    </Stack>
  );
}
