import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The question; the modal is open while it is set. */
  question: string | null;
  confirmLabel: string;
  loading?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmModal({ question, confirmLabel, loading = false, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={question !== null} onClose={onCancel} withCloseButton={false} centered size="sm">
      <Text mb="lg">{question}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={loading} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
