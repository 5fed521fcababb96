import { Burger, Divider, Group, Text, UnstyledButton } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../features/auth/components/LanguageSwitch';
import { useCurrentSession } from '../../features/auth/session-context';
import { GlobalSearch } from '../../features/search/components/GlobalSearch';
import { ThemeToggle } from '../../ui/ThemeToggle';
import { UserMenu } from './UserMenu';

type Props = {
  navigationOpened: boolean;
  onToggleNavigation: () => void;
};

export function AppHeader({ navigationOpened, onToggleNavigation }: Props) {
  const { t } = useTranslation();
  const { workspace } = useCurrentSession();

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navigationOpened}
          onClick={onToggleNavigation}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('header.openNavigation')}
          data-testid="burger"
        />
        <UnstyledButton component={Link} to="/leads">
          <Group gap={6} wrap="nowrap">
            <IconFilter size={22} color="var(--mantine-color-indigo-6)" />
            <Text fw={700} size="lg" visibleFrom="xs">
              {t('app.name')}
            </Text>
          </Group>
        </UnstyledButton>
        <Divider orientation="vertical" visibleFrom="sm" />
        <Text size="sm" c="dimmed" visibleFrom="sm" truncate data-testid="workspace-name">
          {workspace.name}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <GlobalSearch />
        <LanguageSwitch />
        <ThemeToggle />
        <UserMenu />
      </Group>
    </Group>
  );
}
