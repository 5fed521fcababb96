import { Avatar, Group, Text } from '@mantine/core';

type Props = {
  name: string | null;
  size?: 'xs' | 'sm';
};

/** "ИС" from "Ирина Соколова". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** A person as a small avatar with initials and the name; an em dash when nobody is set. */
export function PersonName({ name, size = 'sm' }: Props) {
  if (!name) return <Text size={size}>—</Text>;
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Avatar size={size === 'xs' ? 20 : 24} radius="xl" color="indigo" fz={size === 'xs' ? 9 : 10}>
        {initials(name)}
      </Avatar>
      <Text size={size} truncate>
        {name}
      </Text>
    </Group>
  );
}
