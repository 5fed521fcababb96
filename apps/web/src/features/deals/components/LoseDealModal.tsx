import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRefusalReasons } from '../../leads/api';

type Props = {
  /** The deal's title; the modal is open while it is set. */
  dealTitle: string | null;
  loading: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
};

/** Closing a deal as lost needs a reason: one from the role's list, or any text when there is none. */
export function LoseDealModal({ dealTitle, loading, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const reasons = useRefusalReasons();
  const [reason, setReason] = useState<string | null>(null);
  const options = (reasons.data ?? []).map((item) => item.name);
  const close = () => {
    setReason(null);
    onCancel();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason?.trim()) onSubmit(reason.trim());
  };

  return (
    <Modal
      opened={dealTitle !== null}
      onClose={close}
      title={t('deals.loseTitle', { deal: dealTitle ?? '' })}
    >
      <form onSubmit={submit} noValidate data-testid="lose-deal-form">
        <Stack>
          {options.length > 0 ? (
            <Select
              label={t('deals.fields.lostReason')}
              data={options}
              value={reason}
              onChange={setReason}
              required
              data-autofocus
            />
          ) : (
            <Textarea
              label={t('deals.fields.lostReason')}
              value={reason ?? ''}
              onChange={(event) => setReason(event.currentTarget.value)}
              required
              autosize
              minRows={2}
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!reason?.trim()} loading={loading}>
              {t('deals.lose')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
