import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  /** Controls at the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
};

/** A titled panel of a record's card (details, products, timeline…). */
export function Section({ title, actions, children, testId }: Props) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={4}>{title}</Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
