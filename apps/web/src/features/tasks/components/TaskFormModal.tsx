import {
  Button,
  Chip,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Task, User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../app/i18n';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useCurrentSession } from '../../auth/session-context';
import { type TaskEntity, useCreateTask, useUpdateTask } from '../api';
import { emptyTaskValues, type RecurrenceChoice, taskToValues, valuesToBody } from '../task-form-values';

type Props = {
  opened: boolean;
  onClose: () => void;
  users: User[];
  /** The record a new task belongs to (a deal, a lead…); none for a personal task. */
  record?: { entity: TaskEntity; recordId: string };
  /** The task to edit; a new one is created when absent. */
  task?: Task | null;
};

/** Monday … Sunday in the UI language, numbered 1 … 7 as the server counts them. */
function weekdayNames(): { value: string; label: string }[] {
  const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    value: String(day),
    label: format.format(new Date(Date.UTC(2024, 0, day))),
  }));
}

export function TaskFormModal({ opened, onClose, users, record, task = null }: Props) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const createTask = useCreateTask();
  const updateTask = useUpdateTask();
  const [values, setValues] = useState(() => (task ? taskToValues(task) : emptyTaskValues(user.id)));
  const { errors, setErrors, handleError } = useFieldErrors();
  const set = <Field extends keyof typeof values>(field: Field, value: (typeof values)[Field]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const close = () => {
    setValues(task ? taskToValues(task) : emptyTaskValues(user.id));
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) {
      setErrors({ title: t('validation.required') });
      return;
    }
    const body = valuesToBody(values);
    const done = {
      onSuccess: () => {
        notifySuccess(task ? t('tasks.updated') : t('tasks.created'));
        close();
      },
      onError: handleError,
    };
    if (task) updateTask.mutate({ id: task.id, body }, done);
    else
      createTask.mutate(
        { ...body, entity: record?.entity ?? null, recordId: record?.recordId ?? null },
        done,
      );
  };

  return (
    <Modal opened={opened} onClose={close} title={task ? t('tasks.edit') : t('tasks.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="task-form">
        <Stack gap="sm">
          <TextInput
            label={t('tasks.fields.title')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('tasks.fields.description')}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('tasks.fields.assigneeId')}
              data={users.filter((item) => item.active).map((item) => ({ value: item.id, label: item.name }))}
              value={values.assigneeId}
              onChange={(value) => set('assigneeId', value)}
              error={errors.assigneeId}
              searchable
              allowDeselect={false}
            />
            <div>
              <SegmentedControl
                mt={24}
                fullWidth
                value={values.priority}
                onChange={(value) => set('priority', value as typeof values.priority)}
                data={(['low', 'normal', 'high'] as const).map((priority) => ({
                  value: priority,
                  label: t(`tasks.priority.${priority}`),
                }))}
                aria-label={t('tasks.fields.priority')}
              />
            </div>
            <TextInput
              label={t('tasks.fields.dueAt')}
              type="datetime-local"
              value={values.dueAt}
              onChange={(event) => set('dueAt', event.currentTarget.value)}
              error={errors.dueAt}
              data-testid="task-due"
            />
            <TextInput
              label={t('tasks.fields.remindAt')}
              type="datetime-local"
              value={values.remindAt}
              onChange={(event) => set('remindAt', event.currentTarget.value)}
              error={errors.remindAt}
            />
            <Select
              label={t('tasks.fields.recurrence')}
              value={values.recurrence}
              onChange={(value) => value && set('recurrence', value as RecurrenceChoice)}
              data={(['none', 'daily', 'weekly', 'monthly'] as const).map((choice) => ({
                value: choice,
                label: t(`tasks.recurrence.${choice}`),
              }))}
              allowDeselect={false}
              error={errors.recurrence}
            />
            {values.recurrence === 'none' ? null : (
              <NumberInput
                label={t('tasks.recurrence.interval')}
                value={values.interval}
                onChange={(value) => set('interval', typeof value === 'number' ? value : 1)}
                min={1}
                max={365}
                allowDecimal={false}
                error={errors['recurrence.interval']}
              />
            )}
          </SimpleGrid>
          {values.recurrence === 'weekly' ? (
            <Chip.Group
              multiple
              value={values.weekdays.map(String)}
              onChange={(days) => set('weekdays', days.map(Number))}
            >
              <Group gap={6}>
                {weekdayNames().map((day) => (
                  <Chip key={day.value} value={day.value} size="xs">
                    {day.label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={createTask.isPending || updateTask.isPending}
              data-testid="task-submit"
            >
              {task ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
