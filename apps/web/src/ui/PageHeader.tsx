import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  /** Buttons on the right, such as "New lead". */
  actions?: ReactNode;
};

export function PageHeader({ title, actions }: Props) {
  return (
    <Group justify="space-between" mb="lg" wrap="wrap" gap="sm">
      <Title order={2}>{title}</Title>
      {actions}
    </Group>
  );
}
