import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { type ApiScope, apiScopes, CreateApiTokenBody } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../api/types';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useCreateApiToken } from '../api';

type Props = {
  /** Only an owner or admin may give a token the admin scope. */
  canGrantAdmin: boolean;
  onCreated: (token: CreatedApiToken) => void;
};

const isApiScope = (value: string): value is ApiScope => (apiScopes as readonly string[]).includes(value);
const expiryChoices = ['30', '90', '365', 'never'] as const;

export function ApiTokenForm({ canGrantAdmin, onCreated }: Props) {
  const { t } = useTranslation();
  const createToken = useCreateApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['read']);
  const [expiry, setExpiry] = useState<string>('90');
  const { errors, setErrors, handleError } = useFieldErrors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = expiry === 'never' ? null : Number(expiry);
    const result = validate(CreateApiTokenBody, { name, scopes, expiresInDays });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    createToken.mutate(result.data, {
      onSuccess: (token) => {
        setErrors({});
        setName('');
        onCreated(token);
      },
      onError: handleError,
    });
  };

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('apiTokens.new')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="api-token-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('apiTokens.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              required
            />
            <Select
              label={t('apiTokens.expiry')}
              value={expiry}
              onChange={(value) => value && setExpiry(value)}
              data={expiryChoices.map((value) => ({
                value,
                label:
                  value === 'never'
                    ? t('apiTokens.noExpiry')
                    : t('apiTokens.expiryDays', { count: Number(value) }),
              }))}
              error={errors.expiresInDays}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('apiTokens.scopes')}
            value={scopes}
            onChange={(value) => setScopes(value.filter(isApiScope))}
            error={errors.scopes}
            withAsterisk
          >
            <Group mt={6}>
              {apiScopes.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={t(`apiTokens.scope.${scope}`)}
                  disabled={scope === 'admin' && !canGrantAdmin}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Button type="submit" loading={createToken.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('apiTokens.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
