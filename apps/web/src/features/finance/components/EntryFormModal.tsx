import {
  Autocomplete,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FinanceEntry } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useSaveEntry } from '../api';

type Props = {
  /** The entry to edit, 'new' to book one, null while closed. */
  entry: FinanceEntry | 'new' | null;
  categories: string[];
  lines: string[];
  onClose: () => void;
};

export function EntryFormModal({ entry, categories, lines, onClose }: Props) {
  const { t } = useTranslation();
  const existing = entry !== 'new' && entry !== null ? entry : null;
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      size="lg"
      title={existing ? t('planning.finance.editEntry') : t('planning.finance.newEntry')}
    >
      {entry !== null ? (
        <EntryForm
          key={existing?.id ?? 'new'}
          entry={existing}
          categories={categories}
          lines={lines}
          onClose={onClose}
        />
      ) : null}
    </Modal>
  );
}

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

type FormProps = Omit<Props, 'entry'> & { entry: FinanceEntry | null };

/** Income or expense, actual (money moved) or planned (expected, e.g. a supplier's invoice to pay). */
function EntryForm({ entry, categories, lines, onClose }: FormProps) {
  const { t } = useTranslation();
  const save = useSaveEntry();
  const { errors, setErrors, handleError } = useFieldErrors();
  const [kind, setKind] = useState<'income' | 'expense'>(entry?.kind ?? 'income');
  const [status, setStatus] = useState<'actual' | 'planned'>(entry?.status ?? 'actual');
  const [amount, setAmount] = useState<number | ''>(entry?.amount ?? '');
  const [occurredOn, setOccurredOn] = useState(entry?.occurredOn ?? today());
  const [category, setCategory] = useState(entry?.category ?? '');
  const [line, setLine] = useState(entry?.lineOfBusiness ?? '');
  const [counterparty, setCounterparty] = useState(entry?.counterparty ?? '');
  const [comment, setComment] = useState(entry?.comment ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (amount === '' || amount <= 0) missing.amount = t('validation.required');
    if (!occurredOn) missing.occurredOn = t('validation.required');
    if (!category.trim()) missing.category = t('validation.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const body = {
      kind,
      status,
      amount: Number(amount),
      occurredOn,
      category: category.trim(),
      lineOfBusiness: line.trim() || null,
      counterparty: counterparty.trim() || null,
      comment: comment.trim() || null,
    };
    save.mutate(
      { id: entry?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('planning.finance.entrySaved'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="entry-form">
      <Stack gap="sm">
        <Group gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value === 'expense' ? 'expense' : 'income')}
            data={[
              { value: 'income', label: t('planning.finance.kinds.income') },
              { value: 'expense', label: t('planning.finance.kinds.expense') },
            ]}
            data-testid="entry-kind"
          />
          <SegmentedControl
            value={status}
            onChange={(value) => setStatus(value === 'planned' ? 'planned' : 'actual')}
            data={[
              { value: 'actual', label: t('planning.finance.statuses.actual') },
              { value: 'planned', label: t('planning.finance.statuses.planned') },
            ]}
            data-testid="entry-status"
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('planning.finance.amount')}
            value={amount}
            onChange={(value) => setAmount(typeof value === 'number' ? value : '')}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            suffix=" ₽"
            hideControls
            error={errors.amount}
            required
            data-autofocus
            data-testid="entry-amount"
          />
          <TextInput
            type="date"
            label={t('planning.finance.date')}
            value={occurredOn}
            onChange={(event) => setOccurredOn(event.currentTarget.value)}
            error={errors.occurredOn}
            required
            data-testid="entry-date"
          />
          <Autocomplete
            label={t('planning.finance.category')}
            data={categories}
            value={category}
            onChange={setCategory}
            error={errors.category}
            required
            data-testid="entry-category"
          />
          <Autocomplete
            label={t('planning.finance.lineOfBusiness')}
            data={lines}
            value={line}
            onChange={setLine}
            error={errors.lineOfBusiness}
            data-testid="entry-line"
          />
          <TextInput
            label={t('planning.finance.counterparty')}
            value={counterparty}
            onChange={(event) => setCounterparty(event.currentTarget.value)}
            error={errors.counterparty}
            data-testid="entry-counterparty"
          />
        </SimpleGrid>
        <Textarea
          label={t('planning.finance.comment')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={errors.comment}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="entry-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
