import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  type AssigneeKind,
  assigneeKinds,
  type FormFieldType,
  formFieldTypes,
  roles,
  taskDecisions,
} from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../departments/api';
import { useUsers } from '../../users/api';
import { decisionsProperties, readDecisions } from '../bpmn/decisions';
import type { DesignerServices, DiagramElement } from '../bpmn/diagram';
import {
  type ApprovalRule,
  approvalRules,
  type FormFieldSettings,
  moveItem,
  multiInstanceProperties,
  nextFieldId,
  readMultiInstance,
  readUserTask,
  type UserTaskSettings,
  writeMultiInstance,
  writeUserTask,
} from '../bpmn/user-task';
import { FeelInput } from './FeelInput';

type Props = {
  services: DesignerServices;
  element: DiagramElement;
};

/** A user task: who does it, by when, the form they fill in, and several people with an approval rule. */
export function UserTaskSection({ services, element }: Props) {
  const { t } = useTranslation();
  const task = element.businessObject;
  const settings = readUserTask(task);
  const multiInstance = readMultiInstance(task);
  const update = (next: Partial<UserTaskSettings>) =>
    services.modeling.updateProperties(element, {
      extensionElements: writeUserTask(services.moddle, task, { ...settings, ...next }),
    });
  const updateField = (index: number, field: Partial<FormFieldSettings>) =>
    update({ form: settings.form.map((current, at) => (at === index ? { ...current, ...field } : current)) });

  return (
    <Stack gap="sm">
      <Divider label={t('processes.panel.assignee')} labelPosition="left" />
      <AssigneeInput value={settings.assignee} onChange={(assignee) => update({ assignee })} />
      <FeelInput
        label={t('processes.panel.dueDate')}
        description={t('processes.panel.dueDateHint')}
        value={settings.dueDate}
        onChange={(dueDate) => update({ dueDate })}
        testId="panel-due-date"
      />

      <Divider label={t('processesMore.decisions.label')} labelPosition="left" />
      <Checkbox.Group
        description={t('processesMore.decisions.hint')}
        value={readDecisions(task)}
        onChange={(decisions) => services.modeling.updateProperties(element, decisionsProperties(decisions))}
        data-testid="panel-decisions"
      >
        <Group gap="md" mt={6}>
          {taskDecisions.map((decision) => (
            <Checkbox
              key={decision}
              size="xs"
              value={decision}
              label={t(`processesMore.decisions.${decision}`)}
              data-testid={`panel-decision-${decision}`}
            />
          ))}
        </Group>
      </Checkbox.Group>

      <Divider label={t('processes.panel.form')} labelPosition="left" />
      {settings.form.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('processes.panel.noFields')}
        </Text>
      ) : null}
      {settings.form.map((field, index) => (
        <FieldEditor
          // Fields have no stable identity but their place: the id itself is being edited.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          field={field}
          first={index === 0}
          last={index === settings.form.length - 1}
          onChange={(change) => updateField(index, change)}
          onMove={(by) => update({ form: moveItem(settings.form, index, by) })}
          onRemove={() => update({ form: settings.form.filter((_, at) => at !== index) })}
        />
      ))}
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          update({
            form: [
              ...settings.form,
              { id: nextFieldId(settings.form), label: '', type: 'text', required: false, options: [] },
            ],
          })
        }
        data-testid="panel-add-field"
      >
        {t('processes.panel.addField')}
      </Button>

      <Divider />
      <Switch
        label={t('processes.panel.multiInstance')}
        checked={multiInstance !== null}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          services.modeling.updateProperties(element, {
            loopCharacteristics: writeMultiInstance(
              services.moddle,
              on ? { collection: '', elementVariable: '', sequential: false } : null,
            ),
            ...(!on &&
              settings.approval && {
                extensionElements: writeUserTask(services.moddle, task, { ...settings, approval: null }),
              }),
          });
        }}
        data-testid="panel-multi-instance"
      />
      {multiInstance && task.loopCharacteristics ? (
        <>
          <FeelInput
            label={t('processes.panel.collection')}
            value={multiInstance.collection}
            onChange={(collection) =>
              services.modeling.updateModdleProperties(
                element,
                task.loopCharacteristics!,
                multiInstanceProperties({ ...multiInstance, collection }),
              )
            }
          />
          <TextInput
            label={t('processes.panel.elementVariable')}
            value={multiInstance.elementVariable}
            onChange={(event) =>
              services.modeling.updateModdleProperties(
                element,
                task.loopCharacteristics!,
                multiInstanceProperties({ ...multiInstance, elementVariable: event.currentTarget.value }),
              )
            }
          />
          <Checkbox
            label={t('processes.panel.sequential')}
            checked={multiInstance.sequential}
            onChange={(event) =>
              services.modeling.updateModdleProperties(
                element,
                task.loopCharacteristics!,
                multiInstanceProperties({ ...multiInstance, sequential: event.currentTarget.checked }),
              )
            }
          />
          <Select
            label={t('processes.panel.approval')}
            value={settings.approval?.rule ?? 'none'}
            allowDeselect={false}
            data={[
              { value: 'none', label: t('processes.panel.approvalNone') },
              ...approvalRules.map((rule) => ({
                value: rule,
                label: t(`processes.panel.approvalRules.${rule}`),
              })),
            ]}
            onChange={(rule) =>
              update({
                approval:
                  rule && rule !== 'none'
                    ? {
                        rule: rule as ApprovalRule,
                        vote: settings.approval?.vote || 'approved',
                        result: settings.approval?.result || `${task.id ?? 'task'}Result`,
                      }
                    : null,
              })
            }
          />
          {settings.approval ? (
            <Group grow gap="xs">
              <TextInput
                label={t('processes.panel.vote')}
                value={settings.approval.vote}
                onChange={(event) =>
                  update({ approval: { ...settings.approval!, vote: event.currentTarget.value } })
                }
              />
              <TextInput
                label={t('processes.panel.result')}
                value={settings.approval.result}
                onChange={(event) =>
                  update({ approval: { ...settings.approval!, result: event.currentTarget.value } })
                }
              />
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

type AssigneeProps = {
  value: UserTaskSettings['assignee'];
  onChange: (value: UserTaskSettings['assignee']) => void;
};

function AssigneeInput({ value, onChange }: AssigneeProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const kind: AssigneeKind = value?.kind ?? 'initiator';
  const text = value?.value ?? '';
  const set = (next: string) => onChange({ kind, value: next });

  return (
    <>
      <Select
        label={t('processes.panel.assigneeKind')}
        value={kind}
        allowDeselect={false}
        data={assigneeKinds.map((option) => ({
          value: option,
          label: t(`processes.panel.assigneeKinds.${option}`),
        }))}
        onChange={(next) =>
          onChange(next === 'initiator' || !next ? null : { kind: next as AssigneeKind, value: '' })
        }
        data-testid="panel-assignee-kind"
      />
      {kind === 'user' ? (
        <Select
          label={t('processes.panel.assigneeUser')}
          searchable
          value={text || null}
          data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
          onChange={(next) => set(next ?? '')}
        />
      ) : null}
      {kind === 'role' ? (
        <Select
          label={t('processes.panel.assigneeRole')}
          value={text || null}
          data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          onChange={(next) => set(next ?? '')}
        />
      ) : null}
      {kind === 'departmentHead' ? (
        <Select
          label={t('processes.panel.assigneeDepartment')}
          clearable
          value={text || null}
          data={(departments.data ?? []).map((department) => ({
            value: department.id,
            label: department.name,
          }))}
          onChange={(next) => set(next ?? '')}
        />
      ) : null}
      {kind === 'variable' ? (
        <FeelInput label={t('processes.panel.assigneeVariable')} value={text} onChange={set} />
      ) : null}
    </>
  );
}

type FieldProps = {
  field: FormFieldSettings;
  first: boolean;
  last: boolean;
  onChange: (change: Partial<FormFieldSettings>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

function FieldEditor({ field, first, last, onChange, onMove, onRemove }: FieldProps) {
  const { t } = useTranslation();
  const setOption = (index: number, change: Partial<FormFieldSettings['options'][number]>) =>
    onChange({
      options: field.options.map((option, at) => (at === index ? { ...option, ...change } : option)),
    });

  return (
    <Paper withBorder p="xs" radius="sm" data-testid="panel-form-field">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t('processes.panel.fieldLabel')}
            value={field.label}
            onChange={(event) => onChange({ label: event.currentTarget.value })}
          />
          <TextInput
            size="xs"
            w={110}
            label={t('processes.panel.fieldId')}
            value={field.id}
            onChange={(event) => onChange({ id: event.currentTarget.value.replace(/\s/g, '') })}
          />
        </Group>
        <Group gap="xs" wrap="nowrap" align="center">
          <Select
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('processes.panel.fieldType')}
            value={field.type}
            allowDeselect={false}
            data={formFieldTypes.map((type) => ({
              value: type,
              label: t(`processes.panel.fieldTypes.${type}`),
            }))}
            onChange={(type) => type && onChange({ type: type as FormFieldType })}
          />
          <Checkbox
            size="xs"
            label={t('processes.panel.fieldRequired')}
            checked={field.required}
            onChange={(event) => onChange({ required: event.currentTarget.checked })}
          />
          <ActionIcon
            variant="subtle"
            size="sm"
            disabled={first}
            onClick={() => onMove(-1)}
            aria-label={t('common.moveUp')}
          >
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            size="sm"
            disabled={last}
            onClick={() => onMove(1)}
            aria-label={t('common.moveDown')}
          >
            <IconArrowDown size={14} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            onClick={onRemove}
            aria-label={t('common.remove')}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
        {field.type === 'select' ? (
          <Stack gap={4}>
            <Title order={6}>{t('processes.panel.fieldOptions')}</Title>
            {field.options.map((option, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place
              <Group key={index} gap={4} wrap="nowrap">
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  placeholder={t('processes.panel.optionValue')}
                  value={option.value}
                  onChange={(event) => setOption(index, { value: event.currentTarget.value })}
                />
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  placeholder={t('processes.panel.optionLabel')}
                  value={option.label}
                  onChange={(event) => setOption(index, { label: event.currentTarget.value })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  onClick={() => onChange({ options: field.options.filter((_, at) => at !== index) })}
                  aria-label={t('common.remove')}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconPlus size={12} />}
              onClick={() => onChange({ options: [...field.options, { value: '', label: '' }] })}
            >
              {t('processes.panel.addOption')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
