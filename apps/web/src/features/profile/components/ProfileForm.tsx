import { Button, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { type Locale, UpdateProfileBody, type User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale } from '../../../app/i18n';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useUpdateProfile } from '../../auth/api';

type Props = {
  user: User;
};

export function ProfileForm({ user }: Props) {
  const { t } = useTranslation();
  const updateProfile = useUpdateProfile();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const { errors, setErrors, handleError } = useFieldErrors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(UpdateProfileBody, { name, locale });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    updateProfile.mutate(result.data, {
      onSuccess: (saved) => {
        setErrors({});
        applyLocale(saved.locale);
        notifySuccess(t('profile.saved'));
      },
      onError: handleError,
    });
  };

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('profile.title')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="profile-form">
        <Stack>
          <TextInput label={t('profile.email')} value={user.email} readOnly variant="filled" />
          <TextInput
            label={t('profile.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            autoComplete="name"
            required
          />
          <Select
            label={t('profile.language')}
            value={locale}
            onChange={(value) => value && setLocale(value)}
            data={[
              { value: 'ru', label: t('languages.ru') },
              { value: 'en', label: t('languages.en') },
            ]}
            error={errors.locale}
            allowDeselect={false}
          />
          <Button type="submit" loading={updateProfile.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
