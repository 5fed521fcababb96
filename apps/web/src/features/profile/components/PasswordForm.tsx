import { Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { ChangePasswordBody } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useChangePassword } from '../../auth/api';

export function PasswordForm() {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { errors, setErrors, handleError } = useFieldErrors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(ChangePasswordBody, { currentPassword, newPassword });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    changePassword.mutate(result.data, {
      onSuccess: () => {
        setErrors({});
        setCurrentPassword('');
        setNewPassword('');
        notifySuccess(t('profile.passwordChanged'));
      },
      onError: handleError,
    });
  };

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('profile.passwordTitle')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <Stack>
          <PasswordInput
            label={t('profile.currentPassword')}
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('auth.invitePasswordHint')}
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={errors.newPassword}
            autoComplete="new-password"
            required
          />
          <Button type="submit" loading={changePassword.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('profile.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
