import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { onUnauthenticated, setCsrfToken } from '../api/client';
import { forgetUserData, sessionKey } from '../features/auth/api';
import { i18n } from './i18n';
import { queryClient } from './query-client';
import { router } from './router';
import { colorSchemeManager, theme } from './theme';

// A 401 from any call means the server ended the session: forget it, and the guard sends the user to sign in.
onUnauthenticated(() => {
  const hadSession = Boolean(queryClient.getQueryData(sessionKey));
  setCsrfToken(null);
  queryClient.setQueryData(sessionKey, null);
  forgetUserData(queryClient);
  if (hadSession) notifications.show({ color: 'yellow', message: i18n.t('errors.sessionExpired') });
});

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
