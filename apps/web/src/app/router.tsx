import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { AcceptInvitationPage } from '../pages/AcceptInvitationPage';
import { LeadsPage } from '../pages/LeadsPage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SectionPlaceholderPage } from '../pages/SectionPlaceholderPage';
import { ApiTokensSettingsPage } from '../pages/settings/ApiTokensSettingsPage';
import { DepartmentsSettingsPage } from '../pages/settings/DepartmentsSettingsPage';
import { InvitationsSettingsPage } from '../pages/settings/InvitationsSettingsPage';
import { ProfileSettingsPage } from '../pages/settings/ProfileSettingsPage';
import { RequireAdmin, SettingsIndexRedirect } from '../pages/settings/RequireAdmin';
import { RolesSettingsPage } from '../pages/settings/RolesSettingsPage';
import { SettingsLayout } from '../pages/settings/SettingsLayout';
import { UsersSettingsPage } from '../pages/settings/UsersSettingsPage';
import { AppLayout } from './layout/AppLayout';

const laterSections = ['deals', 'contacts', 'companies', 'tasks', 'processes', 'reports'] as const;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/leads" replace /> },
          { path: 'leads', element: <LeadsPage /> },
          { path: 'leads/:leadId', element: <LeadsPage /> },
          ...laterSections.map((section) => ({
            path: section,
            element: <SectionPlaceholderPage section={section} />,
          })),
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <SettingsIndexRedirect /> },
              { path: 'profile', element: <ProfileSettingsPage /> },
              { path: 'api-tokens', element: <ApiTokensSettingsPage /> },
              {
                element: <RequireAdmin />,
                children: [
                  { path: 'users', element: <UsersSettingsPage /> },
                  { path: 'departments', element: <DepartmentsSettingsPage /> },
                  { path: 'roles', element: <RolesSettingsPage /> },
                  { path: 'invitations', element: <InvitationsSettingsPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
