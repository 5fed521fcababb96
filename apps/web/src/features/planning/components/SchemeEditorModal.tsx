import { ActionIcon, Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { type MotivationSchemeBody, motivationActions } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useSaveScheme } from '../api';

type Props = {
  opened: boolean;
  /** The scheme to start from; seed 004's when the workspace has none. */
  scheme: MotivationSchemeBody | null;
  onClose: () => void;
};

type Step = { from: number | ''; value: number | '' };

/** Seed 004: 890 points is the plan; the salary part steps up with points, the commission with sales. */
const seedScheme: MotivationSchemeBody = {
  points: { call: 1, meeting: 10, proposal: 15, negotiation: 20, dealWon: 50 },
  planPoints: 890,
  salary: [
    { from: 0, amount: 10_000 },
    { from: 445, amount: 15_000 },
    { from: 890, amount: 20_000 },
  ],
  commission: [
    { from: 0, rate: 0.1 },
    { from: 200_000, rate: 0.15 },
  ],
};

export function SchemeEditorModal({ opened, scheme, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('planning.motivation.editScheme')}>
      {opened ? <SchemeForm scheme={scheme ?? seedScheme} onClose={onClose} /> : null}
    </Modal>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const asNumber = (value: number | string): number | '' => (typeof value === 'number' ? value : '');

function SchemeForm({ scheme, onClose }: { scheme: MotivationSchemeBody; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveScheme();
  const { errors, handleError } = useFieldErrors();
  const [forbidden, setForbidden] = useState(false);
  const [points, setPoints] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(motivationActions.map((action) => [action, scheme.points[action] ?? ''])),
  );
  const [planPoints, setPlanPoints] = useState<number | ''>(scheme.planPoints);
  const [salary, setSalary] = useState<Step[]>(
    scheme.salary.map((step) => ({ from: step.from, value: step.amount })),
  );
  const [commission, setCommission] = useState<Step[]>(
    scheme.commission.map((step) => ({ from: step.from, value: Math.round(step.rate * 10_000) / 100 })),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: MotivationSchemeBody = {
      points: Object.fromEntries(
        Object.entries(points).flatMap(([action, worth]) => (worth === '' ? [] : [[action, worth]])),
      ),
      planPoints: planPoints === '' ? 0 : planPoints,
      salary: salary.map((step) => ({ from: Number(step.from) || 0, amount: Number(step.value) || 0 })),
      commission: commission.map((step) => ({
        from: Number(step.from) || 0,
        rate: Math.round((Number(step.value) || 0) * 100) / 10_000,
      })),
    };
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('planning.motivation.schemeSaved'));
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 403) setForbidden(true);
        else handleError(error);
      },
    });
  };

  const stepRows = (steps: Step[], setSteps: (steps: Step[]) => void, field: 'salary' | 'commission') => (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap" pr={34}>
        <Text size="xs" c="dimmed" style={{ flex: 1 }}>
          {field === 'salary' ? t('planning.motivation.fromPoints') : t('planning.motivation.fromSales')}
        </Text>
        <Text size="xs" c="dimmed" style={{ flex: 1 }}>
          {field === 'salary' ? t('planning.motivation.salaryAmount') : t('planning.motivation.rate')}
        </Text>
      </Group>
      {steps.map((step, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a step is its row; the rows have no id
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start" data-testid={`${field}-step`}>
          <NumberInput
            aria-label={
              field === 'salary' ? t('planning.motivation.fromPoints') : t('planning.motivation.fromSales')
            }
            placeholder={
              field === 'salary' ? t('planning.motivation.fromPoints') : t('planning.motivation.fromSales')
            }
            value={step.from}
            onChange={(value) =>
              setSteps(steps.map((item, i) => (i === index ? { ...item, from: asNumber(value) } : item)))
            }
            min={0}
            thousandSeparator=" "
            suffix={field === 'commission' ? ' ₽' : undefined}
            hideControls
            error={errors[`${field}.${index}.from`]}
            style={{ flex: 1 }}
          />
          <NumberInput
            aria-label={
              field === 'salary' ? t('planning.motivation.salaryAmount') : t('planning.motivation.rate')
            }
            placeholder={
              field === 'salary' ? t('planning.motivation.salaryAmount') : t('planning.motivation.rate')
            }
            value={step.value}
            onChange={(value) =>
              setSteps(steps.map((item, i) => (i === index ? { ...item, value: asNumber(value) } : item)))
            }
            min={0}
            max={field === 'commission' ? 100 : undefined}
            decimalScale={2}
            thousandSeparator=" "
            suffix={field === 'salary' ? ' ₽' : ' %'}
            hideControls
            error={errors[`${field}.${index}.${field === 'salary' ? 'amount' : 'rate'}`]}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t('common.remove')}
            onClick={() => setSteps(steps.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => setSteps([...steps, { from: '', value: '' }])}
      >
        {t('planning.motivation.addStep')}
      </Button>
    </Stack>
  );

  if (forbidden)
    return (
      <Alert color="yellow" icon={<IconLock size={18} />} data-testid="scheme-forbidden">
        {t('planning.motivation.forbidden')}
      </Alert>
    );

  return (
    <form onSubmit={submit} noValidate data-testid="scheme-form">
      <Stack gap="md">
        <div>
          <Text fw={600} size="sm">
            {t('planning.motivation.pointsPerAction')}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('planning.motivation.pointsHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {motivationActions.map((action) => (
              <NumberInput
                key={action}
                label={capitalised(t(`planning.actions.${action}`))}
                value={points[action] ?? ''}
                onChange={(value) => setPoints({ ...points, [action]: asNumber(value) })}
                min={0}
                decimalScale={2}
                hideControls
                error={errors[`points.${action}`]}
                data-testid={`scheme-points-${action}`}
              />
            ))}
          </SimpleGrid>
        </div>
        <NumberInput
          label={t('planning.motivation.planPoints')}
          value={planPoints}
          onChange={(value) => setPlanPoints(asNumber(value))}
          min={0}
          hideControls
          error={errors.planPoints}
          w={200}
          data-testid="scheme-plan-points"
        />
        <div>
          <Text fw={600} size="sm" mb={6}>
            {t('planning.motivation.salarySteps')}
          </Text>
          {stepRows(salary, setSalary, 'salary')}
        </div>
        <div>
          <Text fw={600} size="sm" mb={6}>
            {t('planning.motivation.commissionSteps')}
          </Text>
          {stepRows(commission, setCommission, 'commission')}
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="scheme-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
