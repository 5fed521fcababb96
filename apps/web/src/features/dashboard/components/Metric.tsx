import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  label: string;
  /** The number as shown. */
  value: string;
  /** The number itself, kept on the element for tests and tools. */
  raw?: number | null;
  /** Opens the records behind the number; the number is plain text without it. */
  onDrill?: () => void;
  /** A line under the number: the plan, the threshold, what it is counted over. */
  hint?: ReactNode;
  color?: string;
  testId: string;
};

/** One headline number of a widget; a number that stands for records opens them. */
export function Metric({ label, value, raw, onDrill, hint, color, testId }: Props) {
  const number = (
    <Text fz={26} fw={700} c={color} lh={1.2} td={onDrill ? 'underline' : undefined}>
      {value}
    </Text>
  );
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} data-value={raw ?? undefined}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {onDrill ? (
          <UnstyledButton onClick={onDrill} data-testid={`${testId}-drill`} aria-label={`${label}: ${value}`}>
            {number}
          </UnstyledButton>
        ) : (
          number
        )}
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
