import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import {
  IconChecklist,
  IconMail,
  IconMessage,
  IconNote,
  IconPencil,
  IconPhone,
  IconPlus,
  IconStar,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import {
  type ActivityEntity,
  emailResults,
  pbxCallResults,
  reviewVerdicts,
  type User,
} from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useLeadHistoryFormat } from '../../leads/use-lead-history-format';
import { useTimeline } from '../api';
import { groupTimeline, type TimelineEntry } from '../group-timeline';

export type ChangeFormat = {
  /** The translated name of a field, e.g. "stageId" → "Stage". */
  fieldLabel: (field: string) => string;
  /** A readable value, e.g. a stage's name instead of its id. */
  formatValue: (field: string, value: unknown) => string;
};

type Props = ChangeFormat & {
  entity: ActivityEntity;
  recordId: string;
  users: User[];
  /** Only calls, meetings, notes and the like: for a card that shows tasks and history apart. */
  activitiesOnly?: boolean;
};

const activityIcons = {
  call: IconPhone,
  meeting: IconUsers,
  email: IconMail,
  note: IconNote,
  comment: IconMessage,
  review: IconStar,
} as const;
const verdictColors = { positive: 'teal', neutral: 'gray', negative: 'red' } as const;
type Verdict = keyof typeof verdictColors;
const isVerdict = (value: string | null): value is Verdict =>
  (reviewVerdicts as readonly (string | null)[]).includes(value);
// Results the server writes itself (a PBX's call, a sent e-mail) are codes and shown translated.
const systemResults = [...pbxCallResults, ...emailResults] as const;
const isSystemResult = (value: string | null): value is (typeof systemResults)[number] =>
  (systemResults as readonly (string | null)[]).includes(value);
const changeIcons = { create: IconPlus, update: IconPencil, delete: IconTrash } as const;

/** Everything that happened on a record, newest first; a deal's items from its lead are marked so. */
export function RecordTimeline({ entity, recordId, users, fieldLabel, formatValue, activitiesOnly }: Props) {
  const { t } = useTranslation();
  const timeline = useTimeline(entity, recordId);
  const leadIds = (field: string) =>
    (timeline.data ?? []).flatMap((item) =>
      item.fromLead && item.change?.field === field && typeof item.change.newValue === 'string'
        ? [item.change.newValue]
        : [],
    );
  const leadFormat = useLeadHistoryFormat(users, {
    companyIds: leadIds('companyId'),
    contactIds: leadIds('contactId'),
    deals: entity === 'deal' ? new Map([[recordId, t('timeline.thisDeal')]]) : undefined,
  });
  const names = new Map(users.map((user) => [user.id, user.name]));

  if (timeline.isPending) return <PageLoader />;
  if (timeline.isError) return <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const entries = groupTimeline(
    activitiesOnly ? timeline.data.filter((item) => item.kind === 'activity') : timeline.data,
  );
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('timeline.empty')}
      </Text>
    );
  }

  const fromLead = (entry: TimelineEntry) =>
    entry.fromLead ? (
      <Badge
        size="xs"
        variant="light"
        color="grape"
        styles={{ root: { textTransform: 'none' } }}
        data-testid="from-lead"
      >
        {t('timeline.fromLead')}
      </Badge>
    ) : null;

  const render = (entry: TimelineEntry) => {
    if (entry.kind === 'activity') {
      const { activity } = entry;
      const Icon = activityIcons[activity.kind];
      const details = [
        activity.direction ? t(`timeline.direction.${activity.direction}`) : null,
        activity.durationSeconds
          ? t('timeline.duration', { minutes: Math.round(activity.durationSeconds / 60) })
          : null,
      ].filter(Boolean);
      return {
        bullet: <Icon size={13} />,
        color: activity.kind === 'comment' ? 'blue' : activity.kind === 'review' ? 'yellow' : 'indigo',
        title: (
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t(`timeline.kinds.${activity.kind}`)}
            </Text>
            {details.length > 0 ? (
              <Text size="sm" c="dimmed">
                {details.join(' · ')}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {activity.authorId ? (names.get(activity.authorId) ?? '') : ''}
            </Text>
            {fromLead(entry)}
          </Group>
        ),
        body: (
          <>
            {activity.subject ? (
              <Text size="sm" fw={500}>
                {activity.subject}
              </Text>
            ) : null}
            {activity.body ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {activity.body}
              </Text>
            ) : null}
            {activity.kind === 'review' && isVerdict(activity.result) ? (
              <Badge
                size="sm"
                variant="light"
                color={verdictColors[activity.result]}
                styles={{ root: { textTransform: 'none' } }}
              >
                {t(`timeline.verdicts.${activity.result}`)}
              </Badge>
            ) : activity.result ? (
              <Text size="sm" c="dimmed">
                {t('timeline.result')}:{' '}
                {(activity.kind === 'call' || activity.kind === 'email') && isSystemResult(activity.result)
                  ? t(`timeline.systemResults.${activity.result}`)
                  : activity.result}
              </Text>
            ) : null}
          </>
        ),
      };
    }
    if (entry.kind === 'task') {
      const { task } = entry;
      return {
        bullet: <IconChecklist size={13} />,
        color: task.status === 'done' ? 'teal' : 'orange',
        title: (
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t('timeline.task')}
            </Text>
            <Badge
              size="xs"
              variant="light"
              color={task.status === 'done' ? 'teal' : 'orange'}
              styles={{ root: { textTransform: 'none' } }}
            >
              {task.status === 'done' ? t('tasks.status.done') : t('tasks.status.open')}
            </Badge>
            {fromLead(entry)}
          </Group>
        ),
        body: (
          <Text size="sm">
            {task.title}
            {task.dueAt ? (
              <Text span size="sm" c="dimmed">
                {' '}
                · {t('tasks.dueOn', { date: formatDateTime(task.dueAt) })}
              </Text>
            ) : null}
            <Text span size="sm" c="dimmed">
              {' '}
              · {names.get(task.assigneeId) ?? ''}
            </Text>
          </Text>
        ),
      };
    }
    const format = entry.fromLead ? leadFormat : { fieldLabel, formatValue };
    const action = entry.action === 'create' || entry.action === 'delete' ? entry.action : 'update';
    const Icon = changeIcons[action];
    const verb = { create: 'history.created', update: 'history.changed', delete: 'history.deleted' } as const;
    return {
      bullet: <Icon size={13} />,
      color: 'gray',
      title: (
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {entry.actorName ?? t('history.system')}
          </Text>
          <Text size="sm" c="dimmed">
            {t(verb[action])}
          </Text>
          {fromLead(entry)}
        </Group>
      ),
      body:
        action === 'update'
          ? entry.changes.map((change) => (
              <Text key={change.field} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {format.fieldLabel(change.field)}: {format.formatValue(change.field, change.oldValue)} →{' '}
                {format.formatValue(change.field, change.newValue)}
              </Text>
            ))
          : null,
    };
  };

  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="timeline">
      {entries.map((entry) => {
        const { bullet, color, title, body } = render(entry);
        return (
          <Timeline.Item
            key={entry.key}
            bullet={bullet}
            color={color}
            title={title}
            data-testid="timeline-entry"
            data-kind={entry.kind}
          >
            <Stack gap={2} mt={2}>
              {body}
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at)}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
