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
import { IconChevronLeft, IconChevronRight, IconUsers } from '@tabler/icons-react';
import type { Task, User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarItem } from '../../../api/types';
import { i18n } from '../../../app/i18n';
import { LoadError } from '../../../ui/LoadError';
import { useCalendar } from '../api';
import { type CalendarMode, calendarDays, dayKey, itemsByDay, shiftAnchor } from '../calendar';
import { TaskFormModal } from './TaskFormModal';

type Props = {
  users: User[];
  /** Only this person's tasks and meetings, or everyone's the caller may see. */
  userId?: string;
};

const shownPerDay = { month: 3, week: 50 } as const;

function taskColor(task: Task): string {
  if (task.status === 'done') return 'gray';
  if (task.overdue) return 'red';
  return task.priority === 'high' ? 'orange' : 'indigo';
}

const meetingColor = 'teal';

/** Tasks by due date and meetings by time on a month or week grid; a task opens for editing, a meeting its record. */
export function TaskCalendar({ users, userId }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CalendarMode>('month');
  const [anchor, setAnchor] = useState(() => new Date());
  const [editing, setEditing] = useState<Task | null>(null);
  const { days, start, end } = calendarDays(anchor, mode);
  const calendar = useCalendar({ from: start.toISOString(), to: end.toISOString(), userId });
  const byDay = itemsByDay(calendar.data?.items ?? []);
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
      {calendar.isError ? <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
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
            const dayItems = byDay.get(key) ?? [];
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
                {dayItems
                  .slice(0, limit)
                  .map((item) =>
                    item.kind === 'task' ? (
                      <TaskEntry key={item.id} item={item} time={time} onOpen={() => setEditing(item.task)} />
                    ) : (
                      <MeetingEntry key={item.id} item={item} time={time} />
                    ),
                  )}
                {dayItems.length > limit ? (
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
                      {t('tasks.calendar.more', { count: dayItems.length - limit })}
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

type TaskEntryProps = {
  item: Extract<CalendarItem, { kind: 'task' }>;
  time: Intl.DateTimeFormat;
  onOpen: () => void;
};

function TaskEntry({ item, time, onOpen }: TaskEntryProps) {
  const color = taskColor(item.task);
  return (
    <UnstyledButton
      onClick={onOpen}
      title={item.recordTitle ? `${item.task.title} — ${item.recordTitle}` : item.task.title}
      px={6}
      py={2}
      style={{
        borderRadius: 4,
        borderLeft: `3px solid var(--mantine-color-${color}-6)`,
        background: `var(--mantine-color-${color}-light)`,
      }}
      data-testid="calendar-task"
    >
      <Text size="xs" truncate td={item.task.status === 'done' ? 'line-through' : undefined}>
        {`${time.format(new Date(item.startsAt))} `}
        {item.task.title}
      </Text>
    </UnstyledButton>
  );
}

type MeetingEntryProps = {
  item: Extract<CalendarItem, { kind: 'meeting' }>;
  time: Intl.DateTimeFormat;
};

/** A meeting: its own colour and icon, and a link to the record it was held on. */
function MeetingEntry({ item, time }: MeetingEntryProps) {
  const { t } = useTranslation();
  const title = item.title ?? t('tasks.calendar.meeting');
  const when = item.endsAt
    ? `${time.format(new Date(item.startsAt))}–${time.format(new Date(item.endsAt))}`
    : time.format(new Date(item.startsAt));
  return (
    <UnstyledButton
      component={Link}
      to={item.link}
      title={[t('tasks.calendar.meeting'), when, title, item.recordTitle].filter(Boolean).join(' · ')}
      px={6}
      py={2}
      style={{
        borderRadius: 4,
        border: `1px dashed var(--mantine-color-${meetingColor}-6)`,
        borderLeft: `3px solid var(--mantine-color-${meetingColor}-6)`,
        background: `var(--mantine-color-${meetingColor}-light)`,
      }}
      data-testid="calendar-meeting"
    >
      <Group gap={4} wrap="nowrap">
        <IconUsers
          size={12}
          color={`var(--mantine-color-${meetingColor}-7)`}
          style={{ flexShrink: 0 }}
          aria-label={t('tasks.calendar.meeting')}
        />
        <Text size="xs" truncate>
          {`${time.format(new Date(item.startsAt))} `}
          {title}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
