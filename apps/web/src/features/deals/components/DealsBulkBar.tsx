import { Alert, Button, Group, List, Paper, Select, Text } from '@mantine/core';
import type { Deal, Pipeline, User } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkRefusal } from '../../../api/types';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { StartProcessOnSelected } from '../../processes/components/StartProcessOnSelected';
import { type BulkAction, useBulkDeals } from '../api';
import { bulkRefusals, groupByStage } from '../stage-gate';

type Props = {
  selected: Set<string>;
  deals: Deal[];
  pipeline: Pipeline;
  users: User[];
  /** The list shows deleted deals: the only action left is restoring them. */
  deletedMode: boolean;
  onDone: () => void;
  /** After starting a process: the deals where it did not start stay selected. */
  onSelect: (ids: Set<string>) => void;
};

/** Actions on the selected deals: assign, move to a stage, start a process, delete or restore. */
export function DealsBulkBar({ selected, deals, pipeline, users, deletedMode, onDone, onSelect }: Props) {
  const { t } = useTranslation();
  const bulk = useBulkDeals();
  const [responsibleId, setResponsibleId] = useState<string | null>(null);
  const [stageId, setStageId] = useState<string | null>(null);
  const [refused, setRefused] = useState<BulkRefusal[] | null>(null);
  const ids = [...selected];
  const titleOf = (id: string) => deals.find((deal) => deal.id === id)?.title ?? id;

  const run = (action: BulkAction) => {
    setRefused(null);
    bulk.mutate(
      { ...action, ids },
      {
        onSuccess: ({ updated }) => {
          notifySuccess(t('deals.bulk.done', { count: updated }));
          onDone();
        },
        onError: (error) => {
          const refusals = bulkRefusals(error);
          if (refusals) setRefused(refusals);
          else notifyError(error);
        },
      },
    );
  };

  return (
    <>
      {refused ? (
        <Alert
          color="orange"
          title={t('deals.bulk.refusedTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setRefused(null)}
          mb="sm"
          data-testid="bulk-refusal"
        >
          <List size="sm" spacing={4}>
            {refused.map((item) => (
              <List.Item key={item.id}>
                <Text span size="sm" fw={600}>
                  {titleOf(item.id)}
                </Text>
                {': '}
                {groupByStage(item.missing)
                  .map(
                    (group) =>
                      `${group.labels.join(', ')} (${t('deals.gate.stageLine', { stage: group.stageName })})`,
                  )
                  .join('; ')}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {selected.size > 0 ? (
        <Paper withBorder p="xs" mb="sm" data-testid="bulk-bar">
          <Group gap="sm">
            <Text size="sm" fw={500}>
              {t('deals.bulk.selected', { count: selected.size })}
            </Text>
            {deletedMode ? (
              <Button
                size="xs"
                onClick={() => run({ action: 'restore' })}
                loading={bulk.isPending}
                data-testid="bulk-restore"
              >
                {t('deals.bulk.restore')}
              </Button>
            ) : (
              <>
                <Group gap={4}>
                  <Select
                    size="xs"
                    placeholder={t('deals.fields.responsibleId')}
                    aria-label={t('deals.fields.responsibleId')}
                    data={users
                      .filter((user) => user.active)
                      .map((user) => ({ value: user.id, label: user.name }))}
                    value={responsibleId}
                    onChange={setResponsibleId}
                    searchable
                    w={180}
                  />
                  <Button
                    size="xs"
                    variant="light"
                    disabled={!responsibleId}
                    loading={bulk.isPending}
                    onClick={() => responsibleId && run({ action: 'assign', responsibleId })}
                  >
                    {t('deals.bulk.assign')}
                  </Button>
                </Group>
                <Group gap={4}>
                  <Select
                    size="xs"
                    placeholder={t('deals.fields.stageId')}
                    aria-label={t('deals.fields.stageId')}
                    data={pipeline.stages
                      .filter((stage) => stage.kind === 'open')
                      .map((stage) => ({ value: stage.id, label: stage.name }))}
                    value={stageId}
                    onChange={setStageId}
                    w={200}
                    data-testid="bulk-stage"
                  />
                  <Button
                    size="xs"
                    variant="light"
                    disabled={!stageId}
                    loading={bulk.isPending}
                    onClick={() => stageId && run({ action: 'move', stageId })}
                    data-testid="bulk-move"
                  >
                    {t('deals.bulk.move')}
                  </Button>
                </Group>
                <StartProcessOnSelected
                  entity="deal"
                  recordIds={ids}
                  titleOf={titleOf}
                  onFinished={(failedIds) => onSelect(new Set(failedIds))}
                />
                <ConfirmButton
                  size="xs"
                  question={t('deals.bulk.deleteConfirm', { count: selected.size })}
                  onConfirm={() => run({ action: 'delete' })}
                  loading={bulk.isPending}
                >
                  {t('common.delete')}
                </ConfirmButton>
              </>
            )}
          </Group>
        </Paper>
      ) : null}
    </>
  );
}
