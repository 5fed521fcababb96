import { canAdminister, type Role } from '@voronka/domain';
import { Navigate, Outlet } from 'react-router';
import { useCurrentSession } from '../../features/auth/session-context';

/** Administration pages; anyone else lands on their profile. */
export function RequireAdmin() {
  const { user } = useCurrentSession();
  return canAdminister(user.role) ? <Outlet /> : <Navigate to="/settings/profile" replace />;
}

export function SettingsIndexRedirect() {
  const { user } = useCurrentSession();
  return <Navigate to={canAdminister(user.role) ? '/settings/users' : '/settings/profile'} replace />;
}

/** Products and price lists: owners, admins and heads of sales, as the server allows. */
export function canEditCatalogue(role: Role): boolean {
  return canAdminister(role) || role === 'head_of_sales';
}

export function RequireCatalogueEditor() {
  const { user } = useCurrentSession();
  return canEditCatalogue(user.role) ? <Outlet /> : <Navigate to="/settings/profile" replace />;
}
