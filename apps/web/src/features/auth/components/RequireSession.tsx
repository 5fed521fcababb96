import { Box } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useSession } from '../api';
import { SessionContext } from '../session-context';

/** Route guard: renders the nested routes for a signed-in user, else sends to the sign-in page. */
export function RequireSession() {
  const location = useLocation();
  const session = useSession();

  if (session.isPending) return <PageLoader fullScreen />;
  if (session.isError) {
    return (
      <Box p="xl" maw={640} mx="auto">
        <LoadError error={session.error} onRetry={() => void session.refetch()} />
      </Box>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext value={session.data}>
      <Outlet />
    </SessionContext>
  );
}
