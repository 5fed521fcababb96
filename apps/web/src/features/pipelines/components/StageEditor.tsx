import {
  ActionIcon,
  Badge,
  Button,
  Collapse,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconChevronDown,
  IconChevronRight,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import {
  type ManagerFunction,
  managerFunctions,
  type Role,
  roles,
  type StageRegulation,
} from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../ui/validate';
import type { StageDraft } from '../pipeline-draft';

type Props = {
  stage: StageDraft;
  index: number;
  count: number;
  /** Errors of this stage, keyed by the path after `stages.N.` (e.g. `name`, `exitRequirements.0.field`). */
  errors: FieldErrors;
  /** Fields the stage may require, with their names for people. */
  gateFields: { value: string; label: string }[];
  expanded: boolean;
  onToggle: () => void;
  onChange: (stage: StageDraft) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
};

const kindColors = { open: 'indigo', won: 'teal', lost: 'red' } as const;
const textFields = ['input', 'output', 'tasks', 'actions'] as const;

/** One stage of a pipeline: name, kind, probability, its regulation, exit requirements and hand-off. */
export function StageEditor({
  stage,
  index,
  count,
  errors,
  gateFields,
  expanded,
  onToggle,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const set = <Field extends keyof StageDraft>(field: Field, value: StageDraft[Field]) =>
    onChange({ ...stage, [field]: value });
  const setRegulation = <Field extends keyof StageRegulation>(field: Field, value: StageRegulation[Field]) =>
    set('regulation', { ...stage.regulation, [field]: value });
  const setRequirement = (at: number, patch: Partial<{ field: string; label: string }>) =>
    set(
      'exitRequirements',
      stage.exitRequirements.map((requirement, i) => (i === at ? { ...requirement, ...patch } : requirement)),
    );
  const errorCount = Object.keys(errors).length;

  return (
    <Paper withBorder radius="md" p="sm" data-testid="stage-editor">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: 1 }}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onToggle}
            aria-label={t('pipelines.stage.details')}
          >
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
          <Text size="sm" c="dimmed" w={20}>
            {index + 1}
          </Text>
          <TextInput
            value={stage.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.name}
            aria-label={t('pipelines.stage.name')}
            style={{ flex: 1 }}
            data-testid="stage-name"
          />
          <Select
            value={stage.kind}
            onChange={(value) => value && set('kind', value as StageDraft['kind'])}
            data={(['open', 'won', 'lost'] as const).map((kind) => ({
              value: kind,
              label: t(`pipelines.kinds.${kind}`),
            }))}
            error={errors.kind}
            aria-label={t('pipelines.stage.kind')}
            allowDeselect={false}
            w={150}
          />
          <NumberInput
            value={stage.probability}
            onChange={(value) => set('probability', typeof value === 'number' ? value : 0)}
            min={0}
            max={100}
            suffix="%"
            allowDecimal={false}
            aria-label={t('pipelines.stage.probability')}
            error={errors.probability}
            w={80}
          />
        </Group>
        <Group gap={2} wrap="nowrap">
          {errorCount > 0 && !expanded ? (
            <Badge color="red" variant="light" size="sm">
              {t('pipelines.stage.errors', { count: errorCount })}
            </Badge>
          ) : null}
          {stage.exitRequirements.length > 0 ? (
            <Tooltip label={stage.exitRequirements.map((requirement) => requirement.label).join(', ')}>
              <Badge
                variant="light"
                color={kindColors[stage.kind]}
                size="sm"
                styles={{ root: { textTransform: 'none' } }}
              >
                {t('pipelines.stage.gate', { count: stage.exitRequirements.length })}
              </Badge>
            </Tooltip>
          ) : null}
          <ActionIcon
            variant="subtle"
            color="gray"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t('common.moveUp')}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t('common.moveDown')}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('pipelines.stage.remove')}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <Collapse expanded={expanded}>
        <Stack gap="sm" mt="sm" pl={40}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {textFields.map((field) => (
              <Textarea
                key={field}
                label={t(`pipelines.regulation.${field}`)}
                value={stage.regulation[field]}
                onChange={(event) => setRegulation(field, event.currentTarget.value)}
                error={errors[`regulation.${field}`]}
                autosize
                minRows={1}
                maxRows={5}
              />
            ))}
            <Select
              label={t('pipelines.regulation.responsibleRole')}
              value={stage.regulation.responsibleRole}
              onChange={(value) => setRegulation('responsibleRole', value as Role | null)}
              data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              clearable
            />
            <Select
              label={t('pipelines.regulation.responsibleFunction')}
              value={stage.regulation.responsibleFunction}
              onChange={(value) => setRegulation('responsibleFunction', value as ManagerFunction | null)}
              data={managerFunctions.map((item) => ({ value: item, label: t(`functions.${item}`) }))}
              clearable
            />
            <Textarea
              label={t('pipelines.regulation.keySuccessFactor')}
              value={stage.regulation.keySuccessFactor}
              onChange={(event) => setRegulation('keySuccessFactor', event.currentTarget.value)}
              error={errors['regulation.keySuccessFactor']}
              autosize
              minRows={1}
              maxRows={5}
            />
            <Select
              label={t('pipelines.stage.handoffFunction')}
              description={t('pipelines.stage.handoffHint')}
              value={stage.handoffFunction}
              onChange={(value) => set('handoffFunction', value as ManagerFunction | null)}
              data={managerFunctions.map((item) => ({ value: item, label: t(`functions.${item}`) }))}
              placeholder={t('pipelines.stage.noHandoff')}
              clearable
            />
          </SimpleGrid>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('pipelines.stage.exitRequirements')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('pipelines.stage.exitHint')}
            </Text>
            {stage.exitRequirements.map((requirement, at) => (
              // Requirements have no ids; their place in the list is what the server's errors name.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={at} gap="xs" wrap="nowrap" align="flex-start">
                <Select
                  value={requirement.field || null}
                  onChange={(value) => {
                    const known = gateFields.find((option) => option.value === value);
                    setRequirement(at, {
                      field: value ?? '',
                      label: requirement.label || known?.label || '',
                    });
                  }}
                  data={gateFields}
                  error={errors[`exitRequirements.${at}.field`]}
                  aria-label={t('pipelines.stage.requirementField')}
                  placeholder={t('pipelines.stage.requirementField')}
                  searchable
                  w={240}
                />
                <TextInput
                  value={requirement.label}
                  onChange={(event) => setRequirement(at, { label: event.currentTarget.value })}
                  error={errors[`exitRequirements.${at}.label`]}
                  aria-label={t('pipelines.stage.requirementLabel')}
                  placeholder={t('pipelines.stage.requirementLabel')}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  onClick={() =>
                    set(
                      'exitRequirements',
                      stage.exitRequirements.filter((_, i) => i !== at),
                    )
                  }
                  aria-label={t('common.remove')}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => set('exitRequirements', [...stage.exitRequirements, { field: '', label: '' }])}
              >
                {t('pipelines.stage.addRequirement')}
              </Button>
            </Group>
          </Stack>
        </Stack>
      </Collapse>
    </Paper>
  );
}
