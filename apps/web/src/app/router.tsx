import { createBrowserRouter } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { AcceptInvitationPage } from '../pages/AcceptInvitationPage';
import { CompaniesPage } from '../pages/CompaniesPage';
import { CompanyPage } from '../pages/CompanyPage';
import { ContactPage } from '../pages/ContactPage';
import { ContactsPage } from '../pages/ContactsPage';
import { DashboardPage } from '../pages/DashboardPage';
import { DealPage } from '../pages/DealPage';
import { DealsPage } from '../pages/DealsPage';
import { DuplicatesPage } from '../pages/DuplicatesPage';
import { FinancePage } from '../pages/FinancePage';
import { InboxPage } from '../pages/InboxPage';
import { LeadsPage } from '../pages/LeadsPage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PlanningPage } from '../pages/PlanningPage';
import { ProcessDesignerPage } from '../pages/ProcessDesignerPage';
import { ProcessesPage } from '../pages/ProcessesPage';
import { ProcessInstancePage } from '../pages/ProcessInstancePage';
import { ProcessInstancesPage } from '../pages/ProcessInstancesPage';
import { ReportsPage } from '../pages/ReportsPage';
import { ApiTokensSettingsPage } from '../pages/settings/ApiTokensSettingsPage';
import { CustomFieldsSettingsPage } from '../pages/settings/CustomFieldsSettingsPage';
import { DepartmentsSettingsPage } from '../pages/settings/DepartmentsSettingsPage';
import { InvitationsSettingsPage } from '../pages/settings/InvitationsSettingsPage';
import { PipelinesSettingsPage } from '../pages/settings/PipelinesSettingsPage';
import { ProductsSettingsPage } from '../pages/settings/ProductsSettingsPage';
import { ProfileSettingsPage } from '../pages/settings/ProfileSettingsPage';
import { RequireAdmin, RequireCatalogueEditor, SettingsIndexRedirect } from '../pages/settings/RequireAdmin';
import { RolesSettingsPage } from '../pages/settings/RolesSettingsPage';
import { SettingsLayout } from '../pages/settings/SettingsLayout';
import { UsersSettingsPage } from '../pages/settings/UsersSettingsPage';
import { WebFormsSettingsPage } from '../pages/settings/WebFormsSettingsPage';
import { TasksPage } from '../pages/TasksPage';
import { AppLayout } from './layout/AppLayout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'leads', element: <LeadsPage /> },
          { path: 'leads/:leadId', element: <LeadsPage /> },
          { path: 'deals', element: <DealsPage /> },
          { path: 'deals/:dealId', element: <DealPage /> },
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'contacts/duplicates', element: <DuplicatesPage entity="contact" /> },
          { path: 'contacts/:contactId', element: <ContactPage /> },
          { path: 'companies', element: <CompaniesPage /> },
          { path: 'companies/duplicates', element: <DuplicatesPage entity="company" /> },
          { path: 'companies/:companyId', element: <CompanyPage /> },
          { path: 'tasks', element: <TasksPage /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'inbox/:taskId', element: <InboxPage /> },
          { path: 'processes', element: <ProcessesPage /> },
          { path: 'processes/instances', element: <ProcessInstancesPage /> },
          { path: 'processes/instances/:instanceId', element: <ProcessInstancePage /> },
          { path: 'processes/:processId', element: <ProcessDesignerPage /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'planning', element: <PlanningPage /> },
          { path: 'finance', element: <FinancePage /> },
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
                  { path: 'pipelines', element: <PipelinesSettingsPage /> },
                  { path: 'custom-fields', element: <CustomFieldsSettingsPage /> },
                  { path: 'web-forms', element: <WebFormsSettingsPage /> },
                ],
              },
              {
                element: <RequireCatalogueEditor />,
                children: [{ path: 'products', element: <ProductsSettingsPage /> }],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
