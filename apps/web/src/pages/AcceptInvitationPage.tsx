import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AcceptInvitationForm } from '../features/auth/components/AcceptInvitationForm';
import { LanguageSwitch } from '../features/auth/components/LanguageSwitch';
import { CenteredCard } from '../ui/CenteredCard';
import { ThemeToggle } from '../ui/ThemeToggle';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();

  return (
    <CenteredCard
      title={t('auth.inviteTitle')}
      subtitle={t('auth.inviteSubtitle')}
      toolbar={
        <>
          <LanguageSwitch />
          <ThemeToggle />
        </>
      }
    >
      <AcceptInvitationForm token={token} onSuccess={() => navigate('/', { replace: true })} />
    </CenteredCard>
  );
}
