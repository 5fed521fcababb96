import { Button, type ButtonProps, Group, Popover, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = ButtonProps & {
  /** The question asked before the action runs. */
  question: string;
  onConfirm: () => void;
  children: React.ReactNode;
};

/** A button that asks once more before a destructive action (delete, revoke). */
export function ConfirmButton({ question, onConfirm, children, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} width={260} withArrow shadow="md" position="bottom-end">
      <Popover.Target>
        <Button color="red" variant="subtle" {...buttonProps} onClick={() => setOpened((value) => !value)}>
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="sm">
          {question}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            size="xs"
            color="red"
            onClick={() => {
              setOpened(false);
              onConfirm();
            }}
          >
            {t('common.confirm')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
