import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { activityIndicators, type Plan } from '@voronka/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { PageLoader } from '../../../ui/PageLoader';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { usePipelines } from '../../pipelines/api';
import { thisMonth } from '../../reports/report-query';
import { useUsers } from '../../users/api';
import { useSavePlan } from '../api';
import {
  draftErrors,
  draftFromPlan,
  emptyDraft,
  type IndicatorDraft,
  needsWindow,
  type PlanDraft,
  planBody,
} from '../plan-form-values';

type Props = {
  /** The plan to edit, 'new' to set one, null while closed. */
  plan: Plan | 'new' | null;
  onClose: () => void;
  onSaved: (plan: Plan) => void;
};

/** Mounted afresh for each plan, so the draft starts from it. */
export function PlanFormModal({ plan, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const existing = plan !== 'new' && plan !== null ? plan : null;
  // A new plan starts with every active manager, so the people must be known first.
  const users = useUsers();
  return (
    <Modal
      opened={plan !== null}
      onClose={onClose}
      size="xl"
      title={existing ? t('planning.plans.edit') : t('planning.plans.new')}
    >
      {plan === null ? null : users.data ? (
        <PlanForm key={existing?.id ?? 'new'} plan={existing} onClose={onClose} onSaved={onSaved} />
      ) : (
        <PageLoader />
      )}
    </Modal>
  );
}

type FormProps = {
  plan: Plan | null;
  onClose: () => void;
  onSaved: (plan: Plan) => void;
};

function PlanForm({ plan, onClose, onSaved }: FormProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const pipelines = usePipelines();
  const save = useSavePlan();
  const { errors: serverErrors, setErrors, handleError } = useFieldErrors();
  const active = (users.data ?? []).filter((user) => user.active);
  const [draft, setDraft] = useState<PlanDraft>(() =>
    plan
      ? draftFromPlan(plan)
      : emptyDraft(
          thisMonth(),
          active.filter((user) => user.role === 'manager').map((user) => user.id),
        ),
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...serverErrors, ...localErrors };
  const change = (patch: Partial<PlanDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const changeStep = (index: number, patch: Partial<IndicatorDraft>) =>
    change({
      indicators: draft.indicators.map((step, i) => (i === index ? { ...step, ...patch } : step)),
    });
  const moveStep = (index: number, by: number) => {
    const next = [...draft.indicators];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    change({ indicators: next });
  };

  const salesPipelines = (pipelines.data ?? []).filter((pipeline) => pipeline.kind === 'sales');
  const pipeline =
    salesPipelines.find((candidate) => candidate.id === draft.pipelineId) ?? salesPipelines[0] ?? null;
  const sources = useMemo(
    () => [
      {
        group: t('planning.form.activities'),
        items: activityIndicators.map((activity) => ({
          value: `activity:${activity}`,
          label: t(`planning.indicators.${activity}`),
        })),
      },
      ...(pipeline
        ? [
            {
              group: t('planning.form.stagesOf', { pipeline: pipeline.name }),
              items: pipeline.stages
                .filter((stage) => stage.kind === 'open')
                .map((stage) => ({ value: `stage:${stage.id}`, label: stage.name })),
            },
          ]
        : []),
    ],
    [pipeline, t],
  );
  const people = active.map((user) => ({ value: user.id, label: user.name }));
  const nameOf = (userId: string) => active.find((user) => user.id === userId)?.name ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = draftErrors(draft);
    const messages = Object.fromEntries(
      Object.entries(found).map(([field, problem]) => [
        field,
        problem === 'percent' ? t('planning.form.percentRange') : t('validation.required'),
      ]),
    );
    setLocalErrors(messages);
    setErrors({});
    if (Object.keys(messages).length > 0) return;
    save.mutate(
      { id: plan?.id, body: planBody(draft) },
      {
        onSuccess: (saved) => {
          notifySuccess(t('planning.plans.saved'));
          onSaved(saved);
        },
        onError: handleError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="plan-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('planning.form.name')}
            value={draft.name}
            onChange={(event) => change({ name: event.currentTarget.value })}
            error={errors.name}
            required
            data-autofocus
            data-testid="plan-name"
          />
          <TextInput
            type="date"
            label={t('planning.form.from')}
            value={draft.from}
            onChange={(event) => change({ from: event.currentTarget.value })}
            error={errors.from}
            required
            data-testid="plan-from"
          />
          <TextInput
            type="date"
            label={t('planning.form.to')}
            value={draft.to}
            onChange={(event) => change({ to: event.currentTarget.value })}
            error={errors.to}
            required
            data-testid="plan-to"
          />
        </SimpleGrid>

        <Group align="flex-end" gap="sm" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('planning.form.target')}
            </Text>
            <SegmentedControl
              value={draft.targetKind}
              onChange={(value) => change({ targetKind: value === 'margin' ? 'margin' : 'revenue' })}
              data={[
                { value: 'revenue', label: t('planning.form.revenue') },
                { value: 'margin', label: t('planning.form.margin') },
              ]}
              data-testid="plan-target-kind"
            />
          </Stack>
          <NumberInput
            label={
              draft.targetKind === 'margin'
                ? t('planning.form.marginAmount')
                : t('planning.form.revenueAmount')
            }
            value={draft.targetAmount}
            onChange={(value) => change({ targetAmount: typeof value === 'number' ? value : '' })}
            min={0}
            thousandSeparator=" "
            suffix=" ₽"
            hideControls
            error={errors['target.amount']}
            w={200}
            data-testid="plan-target"
          />
          {draft.targetKind === 'margin' ? (
            <NumberInput
              label={t('planning.form.marginRate')}
              value={draft.marginPercent}
              onChange={(value) => change({ marginPercent: typeof value === 'number' ? value : '' })}
              min={0}
              max={100}
              suffix=" %"
              decimalScale={2}
              hideControls
              error={errors.marginRate}
              w={140}
              data-testid="plan-margin-rate"
            />
          ) : null}
        </Group>

        <Group align="flex-end" gap="sm" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('planning.form.averageCheck')}
            </Text>
            <SegmentedControl
              value={draft.checkMeasured ? 'measured' : 'typed'}
              onChange={(value) => change({ checkMeasured: value === 'measured' })}
              data={[
                { value: 'typed', label: t('planning.form.typeIt') },
                { value: 'measured', label: t('planning.form.measureIt') },
              ]}
              data-testid="plan-check-mode"
            />
          </Stack>
          {draft.checkMeasured ? (
            <Text size="sm" c="dimmed" maw={320}>
              {errors.averageCheck ?? t('planning.form.checkMeasuredHint')}
            </Text>
          ) : (
            <NumberInput
              label={t('planning.form.averageCheckAmount')}
              value={draft.averageCheck}
              onChange={(value) => change({ averageCheck: typeof value === 'number' ? value : '' })}
              min={0}
              thousandSeparator=" "
              suffix=" ₽"
              hideControls
              error={errors.averageCheck}
              w={200}
              data-testid="plan-average-check"
            />
          )}
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('planning.form.pipeline')}
            placeholder={salesPipelines[0]?.name}
            data={salesPipelines.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={draft.pipelineId}
            onChange={(value) => change({ pipelineId: value })}
            clearable
            error={errors.pipelineId}
          />
          {needsWindow(draft) ? (
            <>
              <TextInput
                type="date"
                label={t('planning.form.measureFrom')}
                value={draft.measureFrom}
                onChange={(event) => change({ measureFrom: event.currentTarget.value })}
                error={errors.measureFrom}
                required
                data-testid="plan-measure-from"
              />
              <TextInput
                type="date"
                label={t('planning.form.measureTo')}
                value={draft.measureTo}
                onChange={(event) => change({ measureTo: event.currentTarget.value })}
                error={errors.measureTo}
                required
                data-testid="plan-measure-to"
              />
            </>
          ) : null}
        </SimpleGrid>

        <div>
          <Text size="sm" fw={500}>
            {t('planning.form.steps')}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('planning.form.stepsHint')}
          </Text>
          <Stack gap={6}>
            {draft.indicators.map((step, index) => (
              // The steps have no identity of their own: a step is its place in the funnel.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid="plan-step">
                <Select
                  aria-label={t('planning.form.step')}
                  data={sources}
                  value={step.source}
                  onChange={(value) => value && changeStep(index, { source: value })}
                  allowDeselect={false}
                  error={errors[`indicators.${index}.stageId`] ?? errors[`indicators.${index}`]}
                  w={220}
                  data-testid="plan-step-source"
                />
                <SegmentedControl
                  value={step.measured ? 'measured' : 'typed'}
                  onChange={(value) => changeStep(index, { measured: value === 'measured' })}
                  data={[
                    { value: 'typed', label: t('planning.form.typeIt') },
                    { value: 'measured', label: t('planning.form.measureIt') },
                  ]}
                />
                {step.measured ? (
                  <Text size="sm" c={errors[`indicators.${index}.conversion`] ? 'red' : 'dimmed'} pt={6}>
                    {errors[`indicators.${index}.conversion`] ?? t('planning.form.conversionMeasuredHint')}
                  </Text>
                ) : (
                  <NumberInput
                    aria-label={t('planning.form.conversion')}
                    placeholder={t('planning.form.conversion')}
                    value={step.conversionPercent}
                    onChange={(value) =>
                      changeStep(index, { conversionPercent: typeof value === 'number' ? value : '' })
                    }
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix=" %"
                    hideControls
                    error={errors[`indicators.${index}.conversion`]}
                    w={130}
                    data-testid="plan-step-conversion"
                  />
                )}
                <Group gap={2} wrap="nowrap" ml="auto">
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('common.moveUp')}
                    disabled={index === 0}
                    onClick={() => moveStep(index, -1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('common.moveDown')}
                    disabled={index === draft.indicators.length - 1}
                    onClick={() => moveStep(index, 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('common.remove')}
                    onClick={() => change({ indicators: draft.indicators.filter((_, i) => i !== index) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              {t('planning.form.thenSale')}
            </Text>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                change({
                  indicators: [
                    ...draft.indicators,
                    { source: 'activity:call', measured: false, conversionPercent: '' },
                  ],
                })
              }
              w="fit-content"
            >
              {t('planning.form.addStep')}
            </Button>
          </Stack>
        </div>

        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label={t('planning.form.managers')}
            data={people}
            value={draft.managers.map((manager) => manager.userId)}
            onChange={(ids) =>
              change({
                managers: ids.map(
                  (userId) =>
                    draft.managers.find((manager) => manager.userId === userId) ?? { userId, weight: 1 },
                ),
              })
            }
            searchable
            error={errors.managers}
            style={{ flex: 1 }}
            miw={280}
            data-testid="plan-managers"
          />
          <SegmentedControl
            value={draft.split}
            onChange={(value) => change({ split: value === 'weights' ? 'weights' : 'even' })}
            data={[
              { value: 'even', label: t('planning.form.splitEven') },
              { value: 'weights', label: t('planning.form.splitWeights') },
            ]}
            data-testid="plan-split"
          />
        </Group>
        {draft.split === 'weights' ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {draft.managers.map((manager, index) => (
              <NumberInput
                key={manager.userId}
                label={nameOf(manager.userId)}
                value={manager.weight}
                onChange={(value) =>
                  change({
                    managers: draft.managers.map((item, i) =>
                      i === index ? { ...item, weight: typeof value === 'number' ? value : '' } : item,
                    ),
                  })
                }
                min={0}
                decimalScale={2}
                error={errors[`managers.${index}.weight`] ?? errors[`managers.${index}.userId`]}
                data-testid="plan-weight"
              />
            ))}
          </SimpleGrid>
        ) : null}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="plan-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
