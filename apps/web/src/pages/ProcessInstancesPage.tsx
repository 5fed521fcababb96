import { Anchor, Badge, Checkbox, Group, NumberInput, Paper, Select, Table, Text } from '@mantine/core';
import { processInstanceStatuses } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type RecordEntity, recordPath } from '../app/record-path';
import {
  type InstanceQuery,
  type InstanceStatus,
  useInstances,
  useProcesses,
} from '../features/processes/api';
import { InstanceStatusBadge } from '../features/processes/components/InstanceStatusBadge';
import { formatDateTime } from '../ui/format';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

/** The monitor: process instances by status, process, how long they have stood still, incidents. */
export function ProcessInstancesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const processes = useProcesses();
  const status = params.get('status');
  const stuckDays = Number(params.get('stuckDays'));
  const query: InstanceQuery = {
    status: (processInstanceStatuses as readonly string[]).includes(status ?? '')
      ? (status as InstanceStatus)
      : undefined,
    definitionId: params.get('definitionId') ?? undefined,
    stuckDays: Number.isInteger(stuckDays) && stuckDays > 0 ? stuckDays : undefined,
    withIncidents: params.get('withIncidents') === 'true' ? true : undefined,
  };
  const instances = useInstances(query);
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Anchor component={Link} to="/processes" size="sm">
        ← {t('processes.title')}
      </Anchor>
      <PageHeader title={t('processes.instances.title')} />
      <Group gap="sm" mb="md" align="flex-end" data-testid="instance-filters">
        <Select
          label={t('processes.instances.status')}
          placeholder={t('processes.instances.allStatuses')}
          clearable
          value={query.status ?? null}
          data={processInstanceStatuses.map((value) => ({
            value,
            label: t(`processes.instances.statuses.${value}`),
          }))}
          onChange={(value) => setParam('status', value)}
          w={180}
        />
        <Select
          label={t('processes.instances.process')}
          placeholder={t('processes.instances.allProcesses')}
          clearable
          searchable
          value={query.definitionId ?? null}
          data={(processes.data ?? []).map((process) => ({ value: process.id, label: process.name }))}
          onChange={(value) => setParam('definitionId', value)}
          w={240}
        />
        <NumberInput
          label={t('processes.instances.stuckDays')}
          min={1}
          max={3650}
          value={query.stuckDays ?? ''}
          onChange={(value) => setParam('stuckDays', value === '' ? null : String(value))}
          w={200}
        />
        <Checkbox
          mb={8}
          label={t('processes.instances.withIncidents')}
          checked={query.withIncidents === true}
          onChange={(event) => setParam('withIncidents', event.currentTarget.checked ? 'true' : null)}
        />
      </Group>
      {instances.isPending ? <PageLoader /> : null}
      {instances.isError ? (
        <LoadError error={instances.error} onRetry={() => void instances.refetch()} />
      ) : null}
      {instances.data?.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t('processes.instances.empty')}
        </Text>
      ) : null}
      {instances.data && instances.data.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="instances-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('processes.instances.process')}</Table.Th>
                  <Table.Th>{t('processes.instances.status')}</Table.Th>
                  <Table.Th>{t('processes.instances.record')}</Table.Th>
                  <Table.Th>{t('processes.instances.waitingAt')}</Table.Th>
                  <Table.Th>{t('processes.instances.started')}</Table.Th>
                  <Table.Th>{t('processes.instances.changed')}</Table.Th>
                  <Table.Th ta="right">{t('processes.instances.incidents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {instances.data.map((instance) => (
                  <Table.Tr
                    key={instance.id}
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate(`/processes/instances/${instance.id}`)}
                    data-testid="instance-row"
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/processes/instances/${instance.id}`} fw={500}>
                        {instance.definitionName}
                      </Anchor>
                      <Text span size="xs" c="dimmed" ml={6}>
                        {t('processes.version', { version: instance.version })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <InstanceStatusBadge status={instance.status} />
                    </Table.Td>
                    <Table.Td>
                      {instance.entity && instance.recordId ? (
                        <>
                          {/* The kind above the title; a deleted or hidden record shows the kind alone. */}
                          {instance.recordTitle ? (
                            <Text size="xs" c="dimmed">
                              {t(`entities.${instance.entity as RecordEntity}`)}
                            </Text>
                          ) : null}
                          <Anchor
                            component={Link}
                            to={recordPath(instance.entity as RecordEntity, instance.recordId)}
                            size="sm"
                            onClick={(event) => event.stopPropagation()}
                            data-testid="instance-record"
                          >
                            {instance.recordTitle ?? t(`entities.${instance.entity as RecordEntity}`)}
                          </Anchor>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="instance-waiting">
                        {instance.waitingSteps.map((step) => step.name ?? step.elementId).join(', ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(instance.startedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(instance.updatedAt)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {instance.incidents > 0 ? (
                        <Badge tt="none" color="red" variant="light">
                          {instance.incidents}
                        </Badge>
                      ) : (
                        '0'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}
