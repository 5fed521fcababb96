import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** The error of the value at an index, if any. */
  errorAt: (index: number) => string | undefined;
  type?: 'tel' | 'email' | 'text';
  addLabel: string;
  testId?: string;
};

/** Several values of one kind (phones, emails): one input each, add and remove. */
export function ValueListInput({ label, values, onChange, errorAt, type = 'text', addLabel, testId }: Props) {
  const { t } = useTranslation();
  const rows = values.length === 0 ? [''] : values;
  const set = (index: number, value: string) => onChange(rows.map((item, i) => (i === index ? value : item)));

  return (
    <Input.Wrapper label={label} data-testid={testId}>
      <Stack gap={6}>
        {rows.map((value, index) => (
          // The position is the identity here: values are plain strings and may repeat while typed.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              type={type}
              value={value}
              onChange={(event) => set(index, event.currentTarget.value)}
              error={errorAt(index)}
              aria-label={`${label} ${index + 1}`}
              autoComplete="off"
              style={{ flex: 1 }}
            />
            {rows.length > 1 || value !== '' ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
                aria-label={t('common.remove')}
              >
                <IconX size={16} />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconPlus size={12} />}
            onClick={() => onChange([...rows, ''])}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
