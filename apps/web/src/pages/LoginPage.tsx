import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../features/auth/api';
import { LanguageSwitch } from '../features/auth/components/LanguageSwitch';
import { LoginForm } from '../features/auth/components/LoginForm';
import { CenteredCard } from '../ui/CenteredCard';
import { PageLoader } from '../ui/PageLoader';
import { ThemeToggle } from '../ui/ThemeToggle';

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const next = safeNext(params.get('next'));

  if (session.isPending) return <PageLoader fullScreen />;
  if (session.data) return <Navigate to={next} replace />;

  return (
    <CenteredCard
      title={t('auth.loginTitle')}
      subtitle={t('auth.loginSubtitle')}
      toolbar={
        <>
          <LanguageSwitch />
          <ThemeToggle />
        </>
      }
    >
      <LoginForm onSuccess={() => navigate(next, { replace: true })} />
    </CenteredCard>
  );
}
