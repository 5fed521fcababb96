import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentSession } from '../../features/auth/session-context';
import { InboxNavLink } from '../../features/processes/components/InboxNavLink';
import { sections } from './sections';

type Props = {
  /** Called after a link is followed, so that the phone layout can close the menu. */
  onNavigate: () => void;
};

export function Navigation({ onNavigate }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { workspace } = useCurrentSession();

  return (
    <ScrollArea type="never" component="nav" aria-label={t('nav.main')}>
      <Text size="sm" c="dimmed" fw={500} px="sm" pb="xs" hiddenFrom="sm" truncate>
        {workspace.name}
      </Text>
      <Stack gap={2}>
        {sections.map(({ key, path, icon: Icon }) => (
          <Fragment key={key}>
            <NavLink
              component={Link}
              to={path}
              label={t(`nav.${key}`)}
              leftSection={<Icon size={18} stroke={1.6} />}
              active={pathname === path || pathname.startsWith(`${path}/`)}
              onClick={onNavigate}
              data-testid={`nav-${key}`}
            />
            {/* Process tasks sit beside the CRM's own tasks. */}
            {key === 'tasks' ? <InboxNavLink onNavigate={onNavigate} /> : null}
          </Fragment>
        ))}
      </Stack>
    </ScrollArea>
  );
}
