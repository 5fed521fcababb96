import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { type ProcessTask, type Role, roles, type TaskDecision, type User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useCompleteProcessTask } from '../api';
import { type FormValue, formFieldErrors, formOutput, initialFormValues } from '../task-form';
import { RecordLink } from './RecordLink';
import { TaskFileField } from './TaskFileField';

type Props = {
  task: ProcessTask;
  users: User[];
  onCompleted: () => void;
};

type Outcome = TaskDecision | 'done';

/** How each decision's button looks. */
const decisionButtons = {
  approve: { color: 'teal', variant: 'filled', icon: IconThumbUp },
  reject: { color: 'red', variant: 'light', icon: IconThumbDown },
  revise: { color: 'gray', variant: 'default', icon: IconArrowBackUp },
} as const;

/**
 * A process task's form. An approval task shows exactly its decisions (approve, reject, send back), which
 * set the `decision` the process branches on; a plain task shows "Complete". Required fields are checked
 * by the server and its answer is shown on them.
 */
export function ProcessTaskForm({ task, users, onCompleted }: Props) {
  const { t } = useTranslation();
  const complete = useCompleteProcessTask();
  const { errors, handleError, clearError } = useFieldErrors();
  const [values, setValues] = useState(() => initialFormValues(task.form, task.values));
  const [comment, setComment] = useState('');
  // A form with its own comment field (most templates' approvals) needs no second comment box.
  const commentInForm = task.form.some((field) => field.id === 'comment');
  const [sent, setSent] = useState<Outcome | null>(null);
  const fieldErrors = formFieldErrors(errors);
  const open = task.status === 'open';

  const set = (id: string, value: FormValue) => {
    setValues((current) => ({ ...current, [id]: value }));
    clearError(`values.${id}`);
  };

  const submit = (outcome: Outcome) => {
    setSent(outcome);
    complete.mutate(
      {
        id: task.id,
        body: {
          ...(outcome !== 'done' && { outcome }),
          values: formOutput(task.form, values),
          ...(!commentInForm && comment.trim() && { comment: comment.trim() }),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('processes.tasks.completed'));
          onCompleted();
        },
        onError: handleError,
      },
    );
  };

  const busy = (outcome: Outcome) => complete.isPending && sent === outcome;

  return (
    <Paper withBorder radius="md" p="md" data-testid="process-task">
      <Stack gap="sm">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {task.processName}
          </Text>
          <Title order={3} data-testid="process-task-name">
            {task.name}
          </Title>
          <Group gap="sm">
            {task.dueAt ? (
              <Text size="sm" c={task.overdue ? 'red' : undefined} fw={task.overdue ? 600 : undefined}>
                {t('processes.tasks.due')}: {formatDateTime(task.dueAt)}
              </Text>
            ) : null}
            {task.overdue ? (
              <Badge tt="none" color="red" variant="light">
                {t('processes.tasks.overdue')}
              </Badge>
            ) : null}
            {task.candidateRole && !task.assigneeId ? (
              <Text size="sm" c="dimmed">
                {t('processes.tasks.toRole', {
                  role: roles.includes(task.candidateRole as Role)
                    ? t(`roles.${task.candidateRole as Role}`)
                    : task.candidateRole,
                })}
              </Text>
            ) : null}
          </Group>
          <Group gap="md">
            {task.entity && task.recordId ? (
              <RecordLink entity={task.entity} recordId={task.recordId} />
            ) : null}
            <Anchor component={Link} to={`/processes/instances/${task.instanceId}`} size="sm">
              {t('processes.tasks.showInstance')}
            </Anchor>
          </Group>
        </Stack>

        {open ? null : (
          <Alert color="gray">
            {task.status === 'completed'
              ? t('processes.tasks.isCompleted')
              : t('processes.tasks.isCancelled')}
          </Alert>
        )}
        {task.form.length === 0 && open ? (
          <Text size="sm" c="dimmed">
            {t('processes.tasks.noForm')}
          </Text>
        ) : null}
        {task.form.map((field) => (
          <FormFieldInput
            key={field.id}
            field={field}
            value={values[field.id] ?? ''}
            // The server names each missing required field; say so in the UI's language.
            error={
              fieldErrors[field.id] && (field.required ? t('validation.required') : fieldErrors[field.id])
            }
            users={users}
            disabled={!open}
            onChange={(value) => set(field.id, value)}
          />
        ))}
        {open ? (
          <>
            {commentInForm ? null : (
              <Textarea
                label={t('processes.tasks.comment')}
                value={comment}
                onChange={(event) => setComment(event.currentTarget.value)}
                autosize
                minRows={2}
                data-testid="process-task-comment"
              />
            )}
            {task.decisions.length > 0 ? (
              <Group gap="xs" data-testid="process-task-decisions">
                {task.decisions.map((decision) => {
                  const look = decisionButtons[decision];
                  const Icon = look.icon;
                  return (
                    <Button
                      key={decision}
                      color={look.color}
                      variant={look.variant}
                      leftSection={<Icon size={16} />}
                      loading={busy(decision)}
                      disabled={complete.isPending}
                      onClick={() => submit(decision)}
                      data-testid={`process-task-${decision}`}
                    >
                      {t(`processes.tasks.${decision}`)}
                    </Button>
                  );
                })}
              </Group>
            ) : (
              <Group gap="xs">
                <Button
                  leftSection={<IconCheck size={16} />}
                  loading={busy('done')}
                  disabled={complete.isPending}
                  onClick={() => submit('done')}
                  data-testid="process-task-done"
                >
                  {t('processesMore.tasks.complete')}
                </Button>
              </Group>
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

type FieldProps = {
  field: ProcessTask['form'][number];
  value: FormValue;
  error: string | undefined;
  users: User[];
  disabled: boolean;
  onChange: (value: FormValue) => void;
};

/** One form field by its type; required ones carry the asterisk. */
function FormFieldInput({ field, value, error, users, disabled, onChange }: FieldProps) {
  const { t } = useTranslation();
  const common = {
    label: field.label || field.id,
    withAsterisk: field.required === true,
    error,
    disabled,
    'data-testid': `task-field-${field.id}`,
  };
  const text = typeof value === 'string' ? value : '';

  switch (field.type) {
    case 'boolean':
      return (
        <Checkbox
          label={common.label}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          error={error}
          disabled={disabled}
          data-testid={common['data-testid']}
          // A required checkbox has no asterisk of its own.
          description={field.required ? t('validation.required') : undefined}
        />
      );
    case 'number':
    case 'money':
      return (
        <NumberInput
          {...common}
          value={text}
          onChange={(next) => onChange(String(next))}
          decimalScale={field.type === 'money' ? 2 : undefined}
          thousandSeparator=" "
          suffix={field.type === 'money' ? ' ₽' : undefined}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          value={text || null}
          data={(field.options ?? []).map((option) => ({
            value: option.value,
            label: option.label || option.value,
          }))}
          onChange={(next) => onChange(next ?? '')}
        />
      );
    case 'user':
      return (
        <Select
          {...common}
          searchable
          value={text || null}
          data={users.map((user) => ({ value: user.id, label: user.name }))}
          onChange={(next) => onChange(next ?? '')}
        />
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'file':
      return (
        <TaskFileField
          label={common.label}
          required={common.withAsterisk}
          error={error}
          disabled={disabled}
          value={value}
          onChange={onChange}
          testId={common['data-testid']}
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
}
