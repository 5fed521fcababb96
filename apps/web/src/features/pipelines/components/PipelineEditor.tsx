import { Alert, Anchor, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { type Pipeline, validatePipelineStages } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { currentLocale } from '../../../app/i18n';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { notifyError, notifySuccess } from '../../../ui/notify';
import type { FieldErrors } from '../../../ui/validate';
import { useEntityCustomFields } from '../../custom-fields/api';
import { regulationUrl, useCreatePipeline, useDeletePipeline, useSavePipeline } from '../api';
import {
  draftToBody,
  gateFieldOptions,
  moveStage,
  newStage,
  type PipelineDraft,
  pipelineToDraft,
  stageIndexOf,
} from '../pipeline-draft';
import { StageEditor } from './StageEditor';

type Props = {
  /** The pipeline to edit, or null for a new one. */
  pipeline: Pipeline | null;
  onSaved: (pipeline: Pipeline) => void;
  onDeleted: () => void;
};

function newPipelineDraft(name: string, won: string, lost: string): PipelineDraft {
  return {
    name,
    kind: 'sales',
    stages: [newStage('1'), newStage(won, 'won', 100), newStage(lost, 'lost', 0)],
  };
}

/** Errors by path without `body.`: from the shared check before saving, or from the server's answer. */
function issuesToErrors(issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path.replace(/^body\./, '')] ??= issue.message;
  return errors;
}

/** A pipeline's name and its stages in order; saving sends the whole pipeline at once. */
export function PipelineEditor({ pipeline, onSaved, onDeleted }: Props) {
  const { t } = useTranslation();
  const savePipeline = useSavePipeline();
  const createPipeline = useCreatePipeline();
  const deletePipeline = useDeletePipeline();
  const customFields = useEntityCustomFields('deal');
  const [draft, setDraft] = useState<PipelineDraft>(() =>
    pipeline
      ? pipelineToDraft(pipeline)
      : newPipelineDraft('', t('pipelines.defaultWon'), t('pipelines.defaultLost')),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const gateFields = gateFieldOptions(customFields.map((field) => field.key)).map((field) => {
    const custom = customFields.find((item) => `custom.${item.key}` === field);
    return { value: field, label: custom ? custom.label : t(`pipelines.gateFields.${field as 'amount'}`) };
  });

  const stageErrors = (index: number): FieldErrors =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([path]) => stageIndexOf(path) === index)
        .map(([path, message]) => [path.replace(/^stages\.\d+\.?/, ''), message]),
    );
  const generalErrors = Object.entries(errors).filter(([path]) => path === 'stages' || path === 'kind');

  const setStages = (stages: PipelineDraft['stages']) => setDraft((current) => ({ ...current, stages }));
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const fail = (found: FieldErrors) => {
    setErrors(found);
    // Open every stage that has an error, so that the message is in sight.
    setExpanded(
      (current) =>
        new Set([
          ...current,
          ...Object.keys(found)
            .map(stageIndexOf)
            .flatMap((index) => (index === null ? [] : [draft.stages[index]?.key ?? ''])),
        ]),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = draftToBody(draft);
    const local = validatePipelineStages(body.stages);
    if (!body.name) local.push({ path: 'body.name', message: t('validation.required') });
    body.stages.forEach((stage, index) => {
      if (!stage.name) local.push({ path: `body.stages.${index}.name`, message: t('validation.required') });
    });
    if (local.length > 0) {
      fail(issuesToErrors(local));
      return;
    }
    const done = {
      onSuccess: (saved: Pipeline) => {
        setErrors({});
        notifySuccess(t('pipelines.saved'));
        onSaved(saved);
      },
      onError: (error: unknown) => {
        if (error instanceof ApiError && error.code === 'validation_failed' && Array.isArray(error.details)) {
          fail(issuesToErrors(error.details as { path: string; message: string }[]));
        }
        notifyError(error);
      },
    };
    if (pipeline) savePipeline.mutate({ id: pipeline.id, body }, done);
    else createPipeline.mutate(body, done);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="pipeline-editor">
      <Stack gap="sm">
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <TextInput
              label={t('pipelines.name')}
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
              error={errors.name}
              required
              w={280}
            />
            <Select
              label={t('pipelines.kind')}
              value={draft.kind}
              onChange={(value) => value && setDraft({ ...draft, kind: value as PipelineDraft['kind'] })}
              data={(['sales', 'fulfilment'] as const).map((kind) => ({
                value: kind,
                label: t(`pipelines.pipelineKinds.${kind}`),
              }))}
              allowDeselect={false}
              w={200}
            />
          </Group>
          {pipeline ? (
            <Anchor
              href={regulationUrl(pipeline.id, currentLocale())}
              target="_blank"
              rel="noopener"
              size="sm"
              data-testid="print-regulation"
            >
              <Group gap={4}>
                <IconPrinter size={16} />
                {t('pipelines.print')}
              </Group>
            </Anchor>
          ) : null}
        </Group>
        {generalErrors.length > 0 ? (
          <Alert color="red" data-testid="pipeline-errors">
            {generalErrors.map(([path, message]) => (
              <div key={path}>{message}</div>
            ))}
          </Alert>
        ) : null}
        {draft.stages.map((stage, index) => (
          <StageEditor
            key={stage.key}
            stage={stage}
            index={index}
            count={draft.stages.length}
            errors={stageErrors(index)}
            gateFields={gateFields}
            expanded={expanded.has(stage.key)}
            onToggle={() => toggle(stage.key)}
            onChange={(next) => setStages(draft.stages.map((item) => (item.key === stage.key ? next : item)))}
            onMove={(step) => {
              setStages(moveStage(draft.stages, index, step));
              setErrors({});
            }}
            onRemove={() => {
              setStages(draft.stages.filter((item) => item.key !== stage.key));
              setErrors({});
            }}
          />
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              // A new working stage goes before the won and lost ones.
              const firstClosed = draft.stages.findIndex((item) => item.kind !== 'open');
              const at = firstClosed < 0 ? draft.stages.length : firstClosed;
              const stage = newStage('');
              setStages([...draft.stages.slice(0, at), stage, ...draft.stages.slice(at)]);
              setExpanded((current) => new Set([...current, stage.key]));
            }}
            data-testid="add-stage"
          >
            {t('pipelines.addStage')}
          </Button>
          <Group gap="xs">
            {pipeline ? (
              <ConfirmButton
                question={t('pipelines.deleteConfirm', { name: pipeline.name })}
                onConfirm={() =>
                  deletePipeline.mutate(pipeline.id, {
                    onSuccess: () => {
                      notifySuccess(t('pipelines.deleted'));
                      onDeleted();
                    },
                    onError: notifyError,
                  })
                }
                loading={deletePipeline.isPending}
              >
                {t('pipelines.delete')}
              </ConfirmButton>
            ) : null}
            <Button
              type="submit"
              loading={savePipeline.isPending || createPipeline.isPending}
              data-testid="save-pipeline"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
