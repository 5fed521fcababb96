import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { LoginBody } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorTitle } from '../../../ui/notify';
import { type FieldErrors, validate } from '../../../ui/validate';
import { useLogin } from '../api';

type Props = {
  onSuccess: () => void;
};

export function LoginForm({ onSuccess }: Props) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(LoginBody, { email, password });
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) login.mutate(result.data, { onSuccess });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {login.error ? (
          <Alert color="red" data-testid="login-error">
            {loginErrorMessage(login.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
          required
          autoFocus
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          required
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function loginErrorMessage(
  error: unknown,
  t: (key: 'auth.invalidCredentials' | 'auth.rateLimited') => string,
) {
  if (error instanceof ApiError && error.status === 401) return t('auth.invalidCredentials');
  if (error instanceof ApiError && error.code === 'rate_limited') return t('auth.rateLimited');
  return errorTitle(error);
}
