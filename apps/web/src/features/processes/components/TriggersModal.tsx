import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  type ProcessDefinitionDetail,
  type ProcessRunsOn,
  type ProcessTriggerEvent,
  processTriggerEvents,
  triggerEventRecords,
  triggerMismatch,
} from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { usePipelines } from '../../pipelines/api';
import { useWebForms } from '../../web-forms/api';
import { useSaveTriggers } from '../api';
import { messageKey } from '../message-key';

type Props = {
  definition: ProcessDefinitionDetail;
  opened: boolean;
  onClose: () => void;
};

type Draft = { event: ProcessTriggerEvent; conditions: Record<string, string>; enabled: boolean };

const recordEntities = ['lead', 'deal', 'contact', 'company'] as const;

/** A new trigger starts as the likeliest one: a stage entered for deals, else the first that fits. */
function firstOffer(offered: readonly ProcessTriggerEvent[]): ProcessTriggerEvent {
  return offered.includes('deal.stageEntered') ? 'deal.stageEntered' : (offered[0] ?? 'manual');
}

/** The events that can start a process running on this record type (or on none), manual start aside. */
function fittingEvents(runsOn: ProcessRunsOn | null): ProcessTriggerEvent[] {
  return processTriggerEvents.filter(
    (event) => event !== 'manual' && triggerEventRecords(event).includes(runsOn),
  );
}

/** What starts the process by itself: events with their narrowing conditions. */
export function TriggersModal({ definition, opened, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveTriggers();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    definition.triggers.map(({ event, conditions, enabled }) => ({ event, conditions, enabled })),
  );
  const eventLabels: Record<string, string> = t('processes.triggers.events', { returnObjects: true });
  const runsOn = definition.runsOn;
  const offered = fittingEvents(runsOn);
  const update = (index: number, change: Partial<Draft>) =>
    setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...change } : draft)));

  const submit = () =>
    save.mutate(
      { id: definition.id, items: drafts },
      {
        onSuccess: () => {
          notifySuccess(t('processes.triggers.saved'));
          onClose();
        },
        onError: notifyError,
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title={t('processes.triggers.title')} size="lg">
      <Stack gap="sm" data-testid="triggers-form">
        <Text size="sm" c="dimmed">
          {t('processes.triggers.hint')}
        </Text>
        {drafts.length === 0 ? <Text size="sm">{t('processes.triggers.none')}</Text> : null}
        {drafts.map((draft, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: triggers are edited in place before saving
          <Paper key={index} withBorder p="sm" radius="md" data-testid="trigger-row">
            <Stack gap="xs">
              <Group gap="sm" align="flex-end" wrap="nowrap">
                <Select
                  style={{ flex: 1 }}
                  label={t('processes.triggers.event')}
                  value={draft.event}
                  allowDeselect={false}
                  // A trigger saved before the process changed its record type keeps its event on show.
                  data={(offered.includes(draft.event) ? offered : [draft.event, ...offered]).map(
                    (event) => ({
                      value: event,
                      label: eventLabels[messageKey(event)] ?? event,
                    }),
                  )}
                  onChange={(event) =>
                    event && update(index, { event: event as ProcessTriggerEvent, conditions: {} })
                  }
                />
                <Switch
                  mb={8}
                  label={t('processes.triggers.enabled')}
                  checked={draft.enabled}
                  onChange={(event) => update(index, { enabled: event.currentTarget.checked })}
                />
                <ActionIcon
                  mb={6}
                  variant="subtle"
                  color="red"
                  onClick={() => setDrafts((current) => current.filter((_, at) => at !== index))}
                  aria-label={t('common.remove')}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <ConditionInputs
                draft={draft}
                runsOn={runsOn}
                onChange={(conditions) => update(index, { conditions })}
              />
              <MismatchWarning draft={draft} runsOn={runsOn} />
            </Stack>
          </Paper>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              setDrafts((current) => [
                ...current,
                { event: firstOffer(offered), conditions: {}, enabled: true },
              ])
            }
            data-testid="trigger-add"
          >
            {t('processes.triggers.add')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={save.isPending} data-testid="triggers-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Says why a trigger would never fire, in the words of the process's record type. */
function MismatchWarning({ draft, runsOn }: { draft: Draft; runsOn: ProcessRunsOn | null }) {
  const { t } = useTranslation();
  const mismatch = triggerMismatch(draft.event, draft.conditions, runsOn);
  if (!mismatch) return null;
  const key = mismatch === 'event_record' && runsOn === null ? 'event_record_none' : mismatch;
  const records = runsOn ? t(`processesMore.runsOn.entities.${runsOn}`).toLowerCase() : '';
  return (
    <Text size="sm" c="red" data-testid="trigger-mismatch">
      {t(`processesMore.triggerFit.${key}`, { runsOn: records })}
    </Text>
  );
}

type ConditionProps = {
  draft: Draft;
  runsOn: ProcessRunsOn | null;
  onChange: (conditions: Record<string, string>) => void;
};

/** The narrowing an event takes: a pipeline and stage, a record type and field, a form, a line, a schedule. */
function ConditionInputs({ draft, runsOn, onChange }: ConditionProps) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const webForms = useWebForms(draft.event === 'form.submitted');
  const { conditions } = draft;
  const set = (key: string, value: string | null) => {
    const { [key]: _old, ...rest } = conditions;
    onChange(value ? { ...rest, [key]: value } : rest);
  };
  const pipeline = pipelines.data?.find((item) => item.id === conditions.pipelineId);

  if (draft.event === 'deal.created' || draft.event === 'deal.stageEntered') {
    return (
      <Group grow gap="sm">
        <Select
          label={t('processes.triggers.pipeline')}
          placeholder={t('processes.triggers.any')}
          clearable
          value={conditions.pipelineId ?? null}
          data={(pipelines.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
          onChange={(value) => {
            const { stageId: _stage, pipelineId: _pipeline, ...rest } = conditions;
            onChange(value ? { ...rest, pipelineId: value } : rest);
          }}
        />
        {draft.event === 'deal.stageEntered' ? (
          <Select
            label={t('processes.triggers.stage')}
            placeholder={t('processes.triggers.any')}
            clearable
            disabled={!pipeline}
            value={conditions.stageId ?? null}
            data={(pipeline?.stages ?? []).map((stage) => ({ value: stage.id, label: stage.name }))}
            onChange={(value) => set('stageId', value)}
          />
        ) : null}
      </Group>
    );
  }
  if (draft.event === 'record.fieldChanged') {
    return (
      <Group grow gap="sm">
        <Select
          label={t('processes.triggers.entity')}
          placeholder={t('processes.triggers.any')}
          clearable
          value={conditions.entity ?? null}
          // Only the process's own record type can start it; any other stays listed if already chosen.
          data={recordEntities
            .filter((entity) => entity === runsOn || entity === conditions.entity)
            .map((entity) => ({ value: entity, label: t(`entities.${entity}`) }))}
          onChange={(value) => set('entity', value)}
        />
        <TextInput
          label={t('processes.triggers.field')}
          placeholder="stageId, amount, responsibleId…"
          value={conditions.field ?? ''}
          onChange={(event) => set('field', event.currentTarget.value.trim())}
        />
      </Group>
    );
  }
  if (draft.event === 'form.submitted') {
    return (
      <Select
        label={t('processes.triggers.form')}
        placeholder={t('processes.triggers.any')}
        clearable
        value={conditions.formId ?? null}
        data={(webForms.data ?? []).map((form) => ({ value: form.id, label: form.name }))}
        onChange={(value) => set('formId', value)}
      />
    );
  }
  if (draft.event === 'call.missed') {
    return (
      <TextInput
        label={t('processes.triggers.line')}
        placeholder={t('processes.triggers.any')}
        value={conditions.line ?? ''}
        onChange={(event) => set('line', event.currentTarget.value.trim())}
      />
    );
  }
  if (draft.event === 'schedule') {
    return (
      <TextInput
        label={t('processes.triggers.cron')}
        placeholder="0 9 * * 1-5"
        value={conditions.cron ?? ''}
        onChange={(event) => set('cron', event.currentTarget.value)}
      />
    );
  }
  return null;
}
