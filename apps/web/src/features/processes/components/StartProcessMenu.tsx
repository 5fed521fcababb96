import { Button, Menu } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RecordEntity } from '../../../app/record-path';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useProcesses, useStartProcess } from '../api';
import { startable } from '../runs-on';

type Props = {
  entity: RecordEntity;
  recordId: string;
  /** `xs` where the card's other actions are small (the lead card). */
  size?: 'xs' | 'sm';
};

/** Starts a published process made for this kind of record on it, and opens the new instance. */
export function StartProcessMenu({ entity, recordId, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const processes = useProcesses();
  const start = useStartProcess();
  const published = startable(processes.data ?? [], entity);

  return (
    <Menu position="bottom-end" withArrow width={280}>
      <Menu.Target>
        <Button
          size={size}
          variant="light"
          leftSection={<IconPlayerPlay size={size === 'xs' ? 14 : 16} />}
          loading={start.isPending}
          data-testid="start-process"
        >
          {t('processes.start.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="start-process-menu">
        {published.length === 0 ? (
          <Menu.Label>{t(`processesMore.start.noneFor.${entity}`)}</Menu.Label>
        ) : null}
        {published.map((process) => (
          <Menu.Item
            key={process.id}
            data-testid="start-process-item"
            onClick={() =>
              start.mutate(
                { id: process.id, body: { entity, recordId } },
                {
                  onSuccess: (instance) => {
                    notifySuccess(t('processes.start.started', { name: process.name }));
                    navigate(`/processes/instances/${instance.id}`);
                  },
                  onError: notifyError,
                },
              )
            }
          >
            {process.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
