import { ScrollArea, Tabs } from '@mantine/core';
import { canAdminister } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentSession } from '../../features/auth/session-context';
import { PageHeader } from '../../ui/PageHeader';
import { canEditCatalogue } from './RequireAdmin';

const adminTabs = [
  'users',
  'departments',
  'roles',
  'invitations',
  'pipelines',
  'custom-fields',
  'web-forms',
] as const;
// Heads of sales keep the catalogue too; admins see it among their tabs.
const catalogueTabs = ['products'] as const;
// Everyone may hold API tokens of their own (the server scopes the list to the caller).
const personalTabs = ['api-tokens', 'profile'] as const;
const tabLabels = {
  profile: 'settings.tabs.profile',
  users: 'settings.tabs.users',
  departments: 'settings.tabs.departments',
  roles: 'settings.tabs.roles',
  invitations: 'settings.tabs.invitations',
  'api-tokens': 'settings.tabs.apiTokens',
  pipelines: 'settings.tabs.pipelines',
  products: 'settings.tabs.products',
  'custom-fields': 'settings.tabs.customFields',
  'web-forms': 'settings.tabs.webForms',
} as const;

/** Settings with a tab per page; people who do not administer the workspace see only their own things. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { user } = useCurrentSession();
  const tabs = [
    ...(canAdminister(user.role) ? adminTabs : []),
    ...(canEditCatalogue(user.role) ? catalogueTabs : []),
    ...personalTabs,
  ];
  const current = pathname.split('/')[2] ?? null;

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <ScrollArea type="never" mb="lg">
        <Tabs value={current} onChange={(value) => value && navigate(`/settings/${value}`)}>
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab} value={tab} data-testid={`settings-tab-${tab}`}>
                {t(tabLabels[tab])}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </ScrollArea>
      <Outlet />
    </>
  );
}
