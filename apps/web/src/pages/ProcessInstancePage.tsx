import { Anchor, Badge, Button, Code, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFile, IconRefresh } from '@tabler/icons-react';
import { fileUrl, isStoredFile, type ProcessInstanceDetail } from '@voronka/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCancelInstance, useInstance, useRetryIncident } from '../features/processes/api';
import { InstanceDiagram } from '../features/processes/components/InstanceDiagram';
import { InstanceStatusBadge } from '../features/processes/components/InstanceStatusBadge';
import { RecordLink } from '../features/processes/components/RecordLink';
import { useUserNames } from '../features/users/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatDateTime, formatFileSize } from '../ui/format';
import { LoadError } from '../ui/LoadError';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageLoader } from '../ui/PageLoader';
import { Section } from '../ui/Section';

/** One process instance: its diagram with the path, the step log, variables and incidents. */
export function ProcessInstancePage() {
  const { instanceId = '' } = useParams();
  const instance = useInstance(instanceId);
  if (instance.isPending) return <PageLoader />;
  if (instance.isError) return <LoadError error={instance.error} onRetry={() => void instance.refetch()} />;
  return <InstanceView instance={instance.data} />;
}

function InstanceView({ instance }: { instance: ProcessInstanceDetail }) {
  const { t } = useTranslation();
  const people = useUserNames();
  const cancel = useCancelInstance();
  const retry = useRetryIncident();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const onNames = useCallback((found: Map<string, string>) => setNames(found), []);
  const elementName = (id: string) => (id ? (names.get(id) ?? id) : '—');
  const elementOfToken = new Map(
    instance.steps
      .filter((step) => step.tokenId && step.elementId)
      .map((step) => [step.tokenId, step.elementId]),
  );
  const variables = Object.entries(instance.variables).sort(([a], [b]) => a.localeCompare(b));
  const eventLabels: Record<string, string> = t('processes.instance.events', { returnObjects: true });

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/processes/instances" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('processes.instance.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="instance-title">
              {t('processes.instance.title', { name: instance.definitionName, version: instance.version })}
            </Title>
            <InstanceStatusBadge status={instance.status} />
          </Group>
          <Group gap="md">
            <Text size="sm" c="dimmed">
              {formatDateTime(instance.startedAt)}
              {instance.endedAt ? ` — ${formatDateTime(instance.endedAt)}` : ''}
            </Text>
            {instance.initiatorId ? (
              <Text size="sm">
                {t('processes.instance.startedBy')}: {people.get(instance.initiatorId) ?? '—'}
              </Text>
            ) : null}
            {instance.entity && instance.recordId ? (
              <RecordLink entity={instance.entity} recordId={instance.recordId} />
            ) : null}
          </Group>
        </Stack>
        {instance.status === 'running' ? (
          <ConfirmButton
            question={t('processes.instance.cancelConfirm')}
            loading={cancel.isPending}
            onConfirm={() =>
              cancel.mutate(instance.id, {
                onSuccess: () => notifySuccess(t('processes.instance.cancelled')),
                onError: notifyError,
              })
            }
            data-testid="instance-cancel"
          >
            {t('processes.instance.cancel')}
          </ConfirmButton>
        ) : null}
      </Group>

      <InstanceDiagram instance={instance} onNames={onNames} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('processes.instance.incidents')} testId="instance-incidents">
              {instance.incidentList.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('processes.instance.noIncidents')}
                </Text>
              ) : (
                <Stack gap="xs">
                  {instance.incidentList.map((incident) => (
                    <Group key={incident.id} justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={2} miw={0}>
                        <Text size="sm" fw={500}>
                          {elementName(incident.elementId)}
                        </Text>
                        <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
                          {incident.message}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(incident.createdAt)}
                        </Text>
                      </Stack>
                      {incident.resolvedAt ? (
                        <Badge tt="none" color="gray" variant="light">
                          {t('processes.instance.resolved')}
                        </Badge>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconRefresh size={14} />}
                          loading={retry.isPending && retry.variables === incident.id}
                          onClick={() =>
                            retry.mutate(incident.id, {
                              onSuccess: () => notifySuccess(t('processes.instance.retried')),
                              onError: notifyError,
                            })
                          }
                          data-testid="incident-retry"
                        >
                          {t('processes.instance.retry')}
                        </Button>
                      )}
                    </Group>
                  ))}
                </Stack>
              )}
            </Section>
            <Section title={t('processes.instance.steps')} testId="instance-steps">
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing={6} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('processes.instance.when')}</Table.Th>
                      <Table.Th>{t('processes.instance.who')}</Table.Th>
                      <Table.Th>{t('processes.instance.event')}</Table.Th>
                      <Table.Th>{t('processes.instance.element')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {instance.steps.map((step) => (
                      <Table.Tr key={step.id} data-testid="instance-step">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(step.at)}</Table.Td>
                        <Table.Td>
                          {step.actorId ? (people.get(step.actorId) ?? '—') : t('processes.instance.system')}
                        </Table.Td>
                        <Table.Td>{eventLabels[stepEventKey(step)] ?? step.event}</Table.Td>
                        <Table.Td>
                          {elementName(
                            step.elementId || (step.tokenId ? (elementOfToken.get(step.tokenId) ?? '') : ''),
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title={t('processes.instance.variables')} testId="instance-variables">
            {variables.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('processes.instance.noVariables')}
              </Text>
            ) : (
              <Table verticalSpacing={6} fz="sm" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="35%">{t('processes.instance.variable')}</Table.Th>
                    <Table.Th>{t('processes.instance.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {variables.map(([name, value]) => (
                    <Table.Tr key={name} data-testid="instance-variable">
                      <Table.Td>
                        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <VariableValue value={value} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * The message key of a step's event: "task created" → `task_created`; the instance's own end (no token)
 * reads differently from a task's completion.
 */
function stepEventKey(step: ProcessInstanceDetail['steps'][number]): string {
  const key = step.event.replace(/\W+/g, '_');
  return !step.tokenId && (key === 'completed' || key === 'failed') ? `process_${key}` : key;
}

function VariableValue({ value }: { value: unknown }) {
  if (isStoredFile(value)) {
    return (
      <Group gap={6} wrap="nowrap">
        <IconFile size={16} />
        <Anchor href={fileUrl(value.id)} download={value.name} size="sm" data-testid="variable-file">
          {value.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatFileSize(value.size)}
        </Text>
      </Group>
    );
  }
  if (value !== null && typeof value === 'object') {
    return (
      <Code
        block
        style={{
          maxHeight: 160,
          overflow: 'auto',
          fontSize: 11,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  }
  return (
    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {JSON.stringify(value)}
    </Text>
  );
}
