import { SegmentedControl } from '@mantine/core';
import type { Locale } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale } from '../../../app/i18n';
import { notifyError } from '../../../ui/notify';
import { useSession, useUpdateProfile } from '../api';

/** RU/EN switch; for a signed-in user the choice is saved in the profile. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const updateProfile = useUpdateProfile();

  const change = (value: string) => {
    const locale: Locale = value === 'ru' ? 'ru' : 'en';
    applyLocale(locale);
    if (session) updateProfile.mutate({ locale }, { onError: notifyError });
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={currentLocale()}
      onChange={change}
      data={[
        { value: 'ru', label: 'RU' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
