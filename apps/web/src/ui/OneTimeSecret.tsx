import { ActionIcon, Alert, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = {
  title: string;
  hint: string;
  value: string;
  onClose: () => void;
};

/** A secret the server returns only once (an invitation link, an API token), with a copy button. */
export function OneTimeSecret({ title, hint, value, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      color="teal"
      icon={<IconKey size={18} />}
      title={title}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
    >
      <Text size="sm" mb="xs">
        {hint}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          block
          style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          data-testid="one-time-secret"
        >
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
              <ActionIcon variant="light" color="teal" size="lg" onClick={copy} aria-label={t('common.copy')}>
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
