import { ActionIcon, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchModal } from './SearchModal';

/** The search box of the header; Ctrl+K (⌘K on a Mac) opens it from anywhere. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const os = useOs();
  useHotkeys([['mod+K', open]], [], true);

  return (
    <>
      <UnstyledButton
        onClick={open}
        visibleFrom="sm"
        px="sm"
        h={34}
        w={260}
        style={{
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
        aria-label={t('search.title')}
        data-testid="search-box"
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <IconSearch size={16} color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              {t('search.placeholderShort')}
            </Text>
          </Group>
          <Kbd size="xs">{os === 'macos' ? '⌘K' : 'Ctrl+K'}</Kbd>
        </Group>
      </UnstyledButton>
      <ActionIcon variant="default" size="lg" onClick={open} hiddenFrom="sm" aria-label={t('search.title')}>
        <IconSearch size={18} />
      </ActionIcon>
      <SearchModal opened={opened} onClose={close} />
    </>
  );
}
