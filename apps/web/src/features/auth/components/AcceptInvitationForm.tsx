import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { AcceptInvitationBody } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorTitle } from '../../../ui/notify';
import { type FieldErrors, validate } from '../../../ui/validate';
import { useAcceptInvitation } from '../api';

type Props = {
  token: string;
  onSuccess: () => void;
};

export function AcceptInvitationForm({ token, onSuccess }: Props) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(AcceptInvitationBody, { token, name, password });
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    accept.mutate(result.data, {
      onSuccess,
      onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
    });
  };

  const invalidLink = Boolean(errors.token) || isInvalidInvitation(accept.error);
  const failure = invalidLink ? t('auth.inviteInvalid') : accept.error ? errorTitle(accept.error) : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure ? (
          <Alert color="red" data-testid="invite-error">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth.inviteName')}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          required
          autoFocus
        />
        <PasswordInput
          label={t('auth.invitePassword')}
          description={t('auth.invitePasswordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          required
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('auth.inviteSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

function isInvalidInvitation(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'validation_failed') return 'token' in error.fieldErrors();
  return error.code === 'not_found' || error.code === 'bad_request' || error.code === 'conflict';
}
