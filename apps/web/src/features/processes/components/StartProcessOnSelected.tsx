import { Button, Popover, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { RecordEntity } from '../../../app/record-path';
import { errorTitle } from '../../../ui/notify';
import { useProcesses, useStartProcessOnRecords } from '../api';
import { startable } from '../runs-on';
import { groupFailures, type StartOutcome } from '../start-on-records';

type Props = {
  entity: RecordEntity;
  recordIds: readonly string[];
  /** How a record is named in the list of failures. */
  titleOf: (recordId: string) => string;
  /** Called once every record was tried, with those where the process did not start (to keep them selected). */
  onFinished: (failedIds: string[]) => void;
};

/** The server's words when it gave a reason, else what kind of failure it was. */
function reasonOf(error: unknown): string {
  return error instanceof ApiError && error.code !== 'network' && error.message
    ? error.message
    : errorTitle(error);
}

/** How many records the failure list names before it says "and N more". */
const namedAtMost = 5;

/**
 * "Start a process" in a list's bulk bar: choose a published process, and it starts on each selected
 * record in turn; one notification follows the progress and ends with what started and what did not, why.
 */
export function StartProcessOnSelected({ entity, recordIds, titleOf, onFinished }: Props) {
  const { t } = useTranslation();
  const processes = useProcesses();
  const start = useStartProcessOnRecords();
  const [opened, setOpened] = useState(false);
  const [processId, setProcessId] = useState<string | null>(null);
  const published = startable(processes.data ?? [], entity);

  const names = (ids: string[]) => {
    const shown = ids.slice(0, namedAtMost).map(titleOf).join(', ');
    return ids.length > namedAtMost
      ? `${shown} ${t('processes.start.andMore', { count: ids.length - namedAtMost })}`
      : shown;
  };

  const report = (notificationId: string, name: string, { started, failed }: StartOutcome) => {
    notifications.update({
      id: notificationId,
      loading: false,
      color: failed.length === 0 ? 'teal' : started.length === 0 ? 'red' : 'orange',
      title: t('processes.start.resultTitle', { name }),
      autoClose: failed.length === 0 ? 5000 : false,
      withCloseButton: true,
      message: (
        <Stack gap={4} data-testid="start-process-result">
          <Text size="sm">{t('processes.start.startedCount', { count: started.length })}</Text>
          {failed.length > 0 ? (
            <Text size="sm">{t('processes.start.failedCount', { count: failed.length })}</Text>
          ) : null}
          {groupFailures(failed, reasonOf).map((group) => (
            <Text key={group.reason} size="xs" c="dimmed">
              {group.reason}: {names(group.recordIds)}
            </Text>
          ))}
        </Stack>
      ),
    });
  };

  const run = () => {
    const process = published.find((item) => item.id === processId);
    if (!process) return;
    setOpened(false);
    const notificationId = `start-process-${Date.now()}`;
    const progressMessage = (done: number) =>
      t('processes.start.progress', { done, total: recordIds.length });
    notifications.show({
      id: notificationId,
      loading: true,
      autoClose: false,
      withCloseButton: false,
      title: t('processes.start.startingTitle', { name: process.name }),
      message: progressMessage(0),
    });
    // The promise, not mutate's callbacks: those are dropped if the bar unmounts while the starts run.
    void start
      .mutateAsync({
        id: process.id,
        entity,
        recordIds,
        onProgress: ({ done }) =>
          notifications.update({ id: notificationId, message: progressMessage(done) }),
      })
      .then((outcome) => {
        report(notificationId, process.name, outcome);
        onFinished(outcome.failed.map((failure) => failure.recordId));
      });
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={300} withArrow shadow="md" position="bottom-start">
      <Popover.Target>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlayerPlay size={14} />}
          loading={start.isPending}
          onClick={() => setOpened((value) => !value)}
          data-testid="bulk-start-process"
        >
          {t('processes.start.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="bulk-start-process-form">
        {published.length === 0 && !processes.isPending ? (
          <Text size="sm" c="dimmed">
            {t(`processesMore.start.noneFor.${entity}`)}
          </Text>
        ) : (
          <Stack gap="sm">
            <Select
              size="xs"
              label={t('processes.start.process')}
              placeholder={t('processes.start.choose')}
              data={published.map((process) => ({ value: process.id, label: process.name }))}
              value={processId}
              onChange={setProcessId}
              searchable
              comboboxProps={{ withinPortal: false }}
              data-testid="bulk-start-process-select"
            />
            <Button
              size="xs"
              disabled={!processId}
              onClick={run}
              leftSection={<IconPlayerPlay size={14} />}
              data-testid="bulk-start-process-submit"
            >
              {t('processes.start.onSelected', { count: recordIds.length })}
            </Button>
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
