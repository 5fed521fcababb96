import { Badge, NavLink } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useProcessTasks } from '../api';

type Props = {
  onNavigate: () => void;
};

/** "Process tasks" in the navigation, with the number of open process tasks. */
export function InboxNavLink({ onNavigate }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const tasks = useProcessTasks({ scope: 'mine', status: 'open' });
  const count = tasks.data?.length ?? 0;
  return (
    <NavLink
      component={Link}
      to="/inbox"
      label={t('processes.inbox')}
      leftSection={<IconInbox size={18} stroke={1.6} />}
      rightSection={
        count > 0 ? (
          <Badge size="sm" circle={count < 10} color="red" data-testid="inbox-count">
            {count}
          </Badge>
        ) : null
      }
      active={pathname === '/inbox' || pathname.startsWith('/inbox/')}
      onClick={onNavigate}
      data-testid="nav-inbox"
    />
  );
}
