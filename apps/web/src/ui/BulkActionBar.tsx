import { Button, Group, Paper, Select, Text } from '@mantine/core';
import type { BulkRecordsBody, BulkResult, User } from '@voronka/domain';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton';
import { notifyError, notifySuccess } from './notify';

type Props = {
  selected: ReadonlySet<string>;
  users: readonly User[];
  /** The list shows deleted records: the only action left is restoring them. */
  deletedMode: boolean;
  /** The list's bulk request (`POST /api/<entity>/bulk`). */
  bulk: { mutateAsync: (body: BulkRecordsBody) => Promise<BulkResult>; isPending: boolean };
  onDone: () => void;
  /** Further actions of the list's own (starting a process, say), shown unless the list shows deleted records. */
  children?: ReactNode;
};

/** Actions on the selected rows of a list: assign to a person, delete, or restore from the deleted. */
export function BulkActionBar({ selected, users, deletedMode, bulk, onDone, children }: Props) {
  const { t } = useTranslation();
  const [responsibleId, setResponsibleId] = useState<string | null>(null);
  if (selected.size === 0) return null;

  const run = (action: BulkRecordsBody) =>
    bulk.mutateAsync(action).then(({ updated }) => {
      notifySuccess(t('common.bulk.done', { count: updated }));
      onDone();
    }, notifyError);
  const ids = [...selected];

  return (
    <Paper withBorder p="xs" mb="sm" data-testid="bulk-bar">
      <Group gap="sm">
        <Text size="sm" fw={500}>
          {t('common.bulk.selected', { count: selected.size })}
        </Text>
        {deletedMode ? (
          <Button
            size="xs"
            onClick={() => void run({ action: 'restore', ids })}
            loading={bulk.isPending}
            data-testid="bulk-restore"
          >
            {t('common.bulk.restore')}
          </Button>
        ) : (
          <>
            <Group gap={4}>
              <Select
                size="xs"
                placeholder={t('common.bulk.responsible')}
                aria-label={t('common.bulk.responsible')}
                data={users
                  .filter((user) => user.active)
                  .map((user) => ({ value: user.id, label: user.name }))}
                value={responsibleId}
                onChange={setResponsibleId}
                searchable
                w={180}
                data-testid="bulk-responsible"
              />
              <Button
                size="xs"
                variant="light"
                disabled={!responsibleId}
                loading={bulk.isPending}
                onClick={() => responsibleId && void run({ action: 'assign', ids, responsibleId })}
                data-testid="bulk-assign"
              >
                {t('common.bulk.assign')}
              </Button>
            </Group>
            <ConfirmButton
              size="xs"
              question={t('common.bulk.deleteConfirm', { count: selected.size })}
              onConfirm={() => void run({ action: 'delete', ids })}
              loading={bulk.isPending}
              data-testid="bulk-delete"
            >
              {t('common.delete')}
            </ConfirmButton>
            {children}
          </>
        )}
      </Group>
    </Paper>
  );
}
