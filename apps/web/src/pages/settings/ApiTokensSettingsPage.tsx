import { Paper, Stack, Title } from '@mantine/core';
import { canAdminister } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../api/types';
import { useApiTokens, useRevokeApiToken } from '../../features/api-tokens/api';
import { ApiTokenForm } from '../../features/api-tokens/components/ApiTokenForm';
import { ApiTokensTable } from '../../features/api-tokens/components/ApiTokensTable';
import { useCurrentSession } from '../../features/auth/session-context';
import { LoadError } from '../../ui/LoadError';
import { notifyError, notifySuccess } from '../../ui/notify';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { PageLoader } from '../../ui/PageLoader';

export function ApiTokensSettingsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const tokens = useApiTokens();
  const revokeToken = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <Stack>
      <ApiTokenForm canGrantAdmin={canAdminister(user.role)} onCreated={setCreated} />
      {created ? (
        <OneTimeSecret
          title={t('apiTokens.tokenTitle')}
          hint={t('apiTokens.tokenHint')}
          value={created.token}
          onClose={() => setCreated(null)}
        />
      ) : null}
      <Title order={4}>{t('apiTokens.list')}</Title>
      {tokens.isPending ? <PageLoader /> : null}
      {tokens.isError ? <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.data ? (
        <Paper withBorder>
          <ApiTokensTable
            tokens={tokens.data}
            onRevoke={(token) =>
              revokeToken.mutate(token.id, {
                onSuccess: () => notifySuccess(t('apiTokens.revoked')),
                onError: notifyError,
              })
            }
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
