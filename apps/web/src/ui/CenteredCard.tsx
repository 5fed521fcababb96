import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  subtitle?: string;
  /** Controls shown above the card, such as the language and theme switches. */
  toolbar?: ReactNode;
  children: ReactNode;
};

/** A narrow card in the middle of the screen, for pages outside the app shell (sign in, invitation). */
export function CenteredCard({ title, subtitle, toolbar, children }: Props) {
  return (
    <Box mih="100dvh" px="md" py="xl" bg="var(--mantine-color-body)">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        {toolbar}
      </Group>
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={420} mx="auto">
        <Stack gap={4} mb="lg">
          <Title order={2}>{title}</Title>
          {subtitle ? (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          ) : null}
        </Stack>
        {children}
      </Paper>
    </Box>
  );
}
