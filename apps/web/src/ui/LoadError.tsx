import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorTitle } from './notify';

type Props = {
  error: unknown;
  onRetry?: () => void;
};

/** Shown in place of content whose query failed. */
export function LoadError({ error, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('common.loadFailed')}>
      {errorTitle(error)}
      {onRetry ? (
        <Button variant="light" color="red" size="xs" ml="md" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
