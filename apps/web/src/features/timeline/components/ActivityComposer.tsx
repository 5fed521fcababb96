import { Button, Group, NumberInput, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { IconMessage, IconNote, IconPhone, IconUsers } from '@tabler/icons-react';
import type { ActivityEntity, User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { fromLocalInput } from '../../tasks/task-form-values';
import { useCreateActivity } from '../api';
import { mentionedUsers } from '../mentions';
import { MentionTextarea } from './MentionTextarea';

type Props = {
  entity: ActivityEntity;
  recordId: string;
  users: User[];
};

type Kind = 'call' | 'meeting' | 'note' | 'comment';

const kindIcons = { call: IconPhone, meeting: IconUsers, note: IconNote, comment: IconMessage } as const;

/** Logs a call, a meeting, a note or a comment (with @mentions) on a record's timeline. */
export function ActivityComposer({ entity, recordId, users }: Props) {
  const { t } = useTranslation();
  const createActivity = useCreateActivity();
  const { errors, setErrors, handleError } = useFieldErrors();
  const [kind, setKind] = useState<Kind>('comment');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [minutes, setMinutes] = useState<number | string>('');
  const [result, setResult] = useState('');
  // A meeting may be planned ahead: its time (blank is now) and length put it on the calendar.
  const [meetingAt, setMeetingAt] = useState('');

  const reset = () => {
    setSubject('');
    setBody('');
    setMinutes('');
    setResult('');
    setMeetingAt('');
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() && !subject.trim() && !result.trim()) {
      setErrors({ body: t('validation.required') });
      return;
    }
    createActivity.mutate(
      {
        kind,
        entity,
        recordId,
        subject: subject.trim() || null,
        body: body.trim() || null,
        direction: kind === 'call' ? direction : null,
        durationSeconds:
          (kind === 'call' || kind === 'meeting') && typeof minutes === 'number'
            ? Math.round(minutes * 60)
            : null,
        result: kind === 'call' ? result.trim() || null : null,
        occurredAt: kind === 'meeting' ? (fromLocalInput(meetingAt) ?? undefined) : undefined,
        mentions: kind === 'comment' ? mentionedUsers(body, users) : [],
      },
      {
        onSuccess: () => {
          reset();
          notifySuccess(t('timeline.added'));
        },
        onError: handleError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="activity-composer">
      <Stack gap="xs">
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as Kind)}
          fullWidth
          size="xs"
          data={(['comment', 'call', 'meeting', 'note'] as const).map((value) => {
            const Icon = kindIcons[value];
            return {
              value,
              label: (
                <Group gap={4} wrap="nowrap" justify="center">
                  <Icon size={14} style={{ flexShrink: 0 }} />
                  {t(`timeline.kinds.${value}`)}
                </Group>
              ),
            };
          })}
          data-testid="activity-kind"
        />
        {kind === 'call' ? (
          <Group gap="xs" grow>
            <SegmentedControl
              value={direction}
              onChange={(value) => setDirection(value as 'in' | 'out')}
              data={[
                { value: 'out', label: t('timeline.direction.out') },
                { value: 'in', label: t('timeline.direction.in') },
              ]}
            />
            <NumberInput
              placeholder={t('timeline.minutes')}
              aria-label={t('timeline.minutes')}
              value={minutes}
              onChange={setMinutes}
              min={0}
              max={1440}
              hideControls
            />
          </Group>
        ) : null}
        {kind === 'meeting' ? (
          <>
            <TextInput
              placeholder={t('timeline.subject')}
              aria-label={t('timeline.subject')}
              value={subject}
              onChange={(event) => setSubject(event.currentTarget.value)}
              error={errors.subject}
              data-testid="activity-subject"
            />
            <Group gap="xs" grow>
              <TextInput
                type="datetime-local"
                aria-label={t('timeline.meetingAt')}
                title={t('timeline.meetingAt')}
                value={meetingAt}
                onChange={(event) => setMeetingAt(event.currentTarget.value)}
                error={errors.occurredAt}
                data-testid="activity-meeting-at"
              />
              <NumberInput
                placeholder={t('timeline.minutes')}
                aria-label={t('timeline.minutes')}
                value={minutes}
                onChange={setMinutes}
                min={0}
                max={1440}
                hideControls
              />
            </Group>
          </>
        ) : null}
        {kind === 'comment' ? (
          <MentionTextarea
            placeholder={t('timeline.commentPlaceholder')}
            aria-label={t('timeline.kinds.comment')}
            value={body}
            onChange={setBody}
            users={users}
            error={errors.body}
            autosize
            minRows={2}
            data-testid="activity-body"
          />
        ) : (
          <Textarea
            placeholder={t('timeline.bodyPlaceholder')}
            aria-label={t('timeline.body')}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
            autosize
            minRows={2}
            data-testid="activity-body"
          />
        )}
        {kind === 'call' ? (
          <TextInput
            placeholder={t('timeline.result')}
            aria-label={t('timeline.result')}
            value={result}
            onChange={(event) => setResult(event.currentTarget.value)}
            error={errors.result}
          />
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={createActivity.isPending} data-testid="activity-submit">
            {t('timeline.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
