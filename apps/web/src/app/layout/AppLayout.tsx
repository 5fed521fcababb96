import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { useLiveUpdates } from '../../features/live/use-live-updates';
import { AppHeader } from './AppHeader';
import { Navigation } from './Navigation';

/** The signed-in frame: header, section navigation (a burger menu on phones) and the page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  useLiveUpdates();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader navigationOpened={opened} onToggleNavigation={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" data-testid="navbar">
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
