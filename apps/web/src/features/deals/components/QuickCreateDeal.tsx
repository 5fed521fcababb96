import { Button, Group, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useCreateDeal } from '../api';

type Props = {
  pipelineId: string;
  stageId: string;
};

/** "+ Deal" at the top of a column: a title and an amount, and the deal starts in that stage. */
export function QuickCreateDeal({ pipelineId, stageId }: Props) {
  const { t } = useTranslation();
  const createDeal = useCreateDeal();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const { errors, setErrors, handleError } = useFieldErrors();

  const close = () => {
    setOpen(false);
    setTitle('');
    setAmount('');
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setErrors({ title: t('validation.required') });
      return;
    }
    createDeal.mutate(
      { title, pipelineId, stageId, amount: typeof amount === 'number' ? amount : undefined },
      {
        onSuccess: () => {
          notifySuccess(t('deals.created'));
          close();
        },
        onError: handleError,
      },
    );
  };

  if (!open) {
    return (
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => setOpen(true)}
        fullWidth
        justify="flex-start"
        data-testid="quick-create-deal"
      >
        {t('deals.quickCreate')}
      </Button>
    );
  }

  return (
    <Paper withBorder radius="md" p="xs">
      <form onSubmit={submit} noValidate data-testid="quick-create-deal-form">
        <Stack gap={6}>
          <TextInput
            size="xs"
            placeholder={t('deals.fields.title')}
            aria-label={t('deals.fields.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            autoFocus
            onKeyDown={(event) => event.key === 'Escape' && close()}
          />
          <NumberInput
            size="xs"
            placeholder={t('deals.fields.amount')}
            aria-label={t('deals.fields.amount')}
            value={amount}
            onChange={setAmount}
            min={0}
            thousandSeparator=" "
            suffix=" ₽"
            error={errors.amount}
            hideControls
          />
          <Group gap={6} justify="flex-end">
            <Button size="xs" variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" type="submit" loading={createDeal.isPending}>
              {t('common.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
