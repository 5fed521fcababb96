import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import type { DuplicateMatch } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { recordPath } from '../../../app/record-path';

type Props = {
  duplicates: DuplicateMatch[];
  loading: boolean;
  onCreateAnyway: () => void;
};

/** The possible duplicates of a 409 `conflict` answer to a create, or null for any other error. */
export function duplicatesOf(error: unknown): DuplicateMatch[] | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const duplicates = (error.details as { duplicates?: unknown } | undefined)?.duplicates;
  return Array.isArray(duplicates) ? (duplicates as DuplicateMatch[]) : null;
}

/** "These records share a phone, email or INN with the new one", with links and "Create anyway". */
export function DuplicateWarning({ duplicates, loading, onCreateAnyway }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('duplicates.conflictTitle')} data-testid="duplicate-warning">
      <Text size="sm" mb="xs">
        {t('duplicates.conflictText')}
      </Text>
      <List size="sm" spacing={2} mb="sm">
        {duplicates.map((match) => (
          <List.Item key={`${match.entity}:${match.id}:${match.matchedOn}:${match.value}`}>
            <Anchor component={Link} to={recordPath(match.entity, match.id)} target="_blank" size="sm">
              {match.name}
            </Anchor>{' '}
            <Text span size="sm" c="dimmed">
              — {t(`duplicates.matchedOn.${match.matchedOn}`)}: {match.value}
            </Text>
          </List.Item>
        ))}
      </List>
      <Group>
        <Button
          size="xs"
          color="yellow"
          variant="light"
          onClick={onCreateAnyway}
          loading={loading}
          data-testid="create-anyway"
        >
          {t('duplicates.createAnyway')}
        </Button>
      </Group>
    </Alert>
  );
}
