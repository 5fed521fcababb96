import { Badge, Code, Group, Table, Text } from '@mantine/core';
import type { ApiToken } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatDate, formatDateTime } from '../../../ui/format';

type Props = {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
};

export function ApiTokensTable({ tokens, onRevoke }: Props) {
  const { t } = useTranslation();

  if (tokens.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {t('apiTokens.empty')}
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" data-testid="api-tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apiTokens.name')}</Table.Th>
            <Table.Th>{t('apiTokens.prefix')}</Table.Th>
            <Table.Th>{t('apiTokens.scopes')}</Table.Th>
            <Table.Th>{t('apiTokens.createdAt')}</Table.Th>
            <Table.Th>{t('apiTokens.lastUsedAt')}</Table.Th>
            <Table.Th>{t('apiTokens.expiresAt')}</Table.Th>
            <Table.Th aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td fw={500}>{token.name}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {token.scopes.map((scope) => (
                    <Badge key={scope} variant="light" style={{ textTransform: 'none' }}>
                      {t(`apiTokens.scope.${scope}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(token.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('common.never')}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {token.expiresAt ? formatDate(token.expiresAt) : t('apiTokens.noExpiry')}
              </Table.Td>
              <Table.Td ta="right">
                <ConfirmButton
                  size="xs"
                  question={t('apiTokens.revokeConfirm', { name: token.name })}
                  onConfirm={() => onRevoke(token)}
                >
                  {t('common.revoke')}
                </ConfirmButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
