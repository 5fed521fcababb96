import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateGroup } from '../../../api/types';
import { ConfirmModal } from '../../../ui/ConfirmModal';

type Props = {
  groups: DuplicateGroup[];
  /** Where a record's card opens. */
  pathOf: (id: string) => string;
  merging: boolean;
  /** Merges every other record of the group into the kept one. */
  onMerge: (keepId: string, sourceIds: string[]) => void;
};

/** Records that share a phone, an email or an INN; pick the one to keep and merge the rest into it. */
export function DuplicateGroups({ groups, pathOf, merging, onMerge }: Props) {
  const { t } = useTranslation();
  const [kept, setKept] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<{
    keep: { id: string; name: string };
    sources: string[];
  } | null>(null);

  if (groups.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('duplicates.empty')}
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      {groups.map((group) => {
        const key = `${group.key.matchedOn}:${group.key.value}`;
        // The oldest record is kept unless another is chosen.
        const keepId = kept[key] ?? group.records[0]?.id ?? '';
        const keep = group.records.find((record) => record.id === keepId);
        return (
          <Paper key={key} withBorder p="md" radius="md" data-testid="duplicate-group">
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Badge variant="light" styles={{ root: { textTransform: 'none' } }}>
                  {t(`duplicates.matchedOn.${group.key.matchedOn}`)}
                </Badge>
                <Text fw={600}>{group.key.value}</Text>
              </Group>
              <Button
                size="xs"
                leftSection={<IconGitMerge size={14} />}
                disabled={!keep}
                onClick={() =>
                  keep &&
                  setConfirming({
                    keep,
                    sources: group.records
                      .filter((record) => record.id !== keepId)
                      .map((record) => record.id),
                  })
                }
                data-testid="merge-group"
              >
                {t('duplicates.merge')}
              </Button>
            </Group>
            <Radio.Group
              value={keepId}
              onChange={(value) => setKept((current) => ({ ...current, [key]: value }))}
            >
              <Stack gap={6}>
                {group.records.map((record) => (
                  <Group key={record.id} gap="sm">
                    <Radio value={record.id} aria-label={t('duplicates.keep')} />
                    <Anchor component={Link} to={pathOf(record.id)} size="sm">
                      {record.name}
                    </Anchor>
                    {record.id === keepId ? (
                      <Text size="xs" c="dimmed">
                        {t('duplicates.keep')}
                      </Text>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            </Radio.Group>
          </Paper>
        );
      })}
      <ConfirmModal
        question={
          confirming
            ? t('duplicates.mergeConfirm', { count: confirming.sources.length, name: confirming.keep.name })
            : null
        }
        confirmLabel={t('duplicates.merge')}
        loading={merging}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) onMerge(confirming.keep.id, confirming.sources);
          setConfirming(null);
        }}
      />
    </Stack>
  );
}
