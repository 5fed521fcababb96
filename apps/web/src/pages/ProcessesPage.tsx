import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import {
  IconActivity,
  IconChevronDown,
  IconFile,
  IconFileImport,
  IconLayoutGrid,
  IconPlayerPlay,
  IconPlus,
} from '@tabler/icons-react';
import { canEditProcesses } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentSession } from '../features/auth/session-context';
import { useDeleteProcess, useProcesses, useStartProcess } from '../features/processes/api';
import { CreateProcessModal, type CreateSource } from '../features/processes/components/CreateProcessModal';
import { TemplateGallery } from '../features/processes/components/TemplateGallery';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatDateTime } from '../ui/format';
import { LoadError } from '../ui/LoadError';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

/** Business processes: what is published, what has a draft, how many run; create (from a template, empty, imported), open. */
export function ProcessesPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const editable = canEditProcesses(user.role);
  const processes = useProcesses();
  const remove = useDeleteProcess();
  const start = useStartProcess();
  const navigate = useNavigate();
  const [creating, setCreating] = useState<CreateSource | 'template' | null>(null);

  return (
    <>
      <PageHeader
        title={t('processes.title')}
        actions={
          <Group gap="sm">
            <Button
              variant="default"
              component={Link}
              to="/processes/instances"
              leftSection={<IconActivity size={16} />}
              data-testid="processes-monitor"
            >
              {t('processes.monitor')}
            </Button>
            {editable ? (
              <Menu position="bottom-end" withArrow width={240}>
                <Menu.Target>
                  <Button
                    leftSection={<IconPlus size={16} />}
                    rightSection={<IconChevronDown size={14} />}
                    data-testid="new-process"
                  >
                    {t('processes.new')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={<IconLayoutGrid size={16} />}
                    onClick={() => setCreating('template')}
                    data-testid="new-process-template"
                  >
                    {t('processes.create.fromTemplate')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconFile size={16} />}
                    onClick={() => setCreating('empty')}
                    data-testid="new-process-empty"
                  >
                    {t('processes.create.empty')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconFileImport size={16} />}
                    onClick={() => setCreating('import')}
                    data-testid="new-process-import"
                  >
                    {t('processes.create.import')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        }
      />
      {processes.isPending ? <PageLoader /> : null}
      {processes.isError ? (
        <LoadError error={processes.error} onRetry={() => void processes.refetch()} />
      ) : null}
      {processes.data?.length === 0 ? (
        <Stack align="center" gap="sm" py="xl" data-testid="processes-empty">
          <Text c="dimmed" ta="center">
            {t('processes.empty')}
          </Text>
          {editable ? (
            <Button
              variant="light"
              leftSection={<IconLayoutGrid size={16} />}
              onClick={() => setCreating('template')}
            >
              {t('processes.create.fromTemplate')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
      {processes.data && processes.data.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="processes-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('processes.name')}</Table.Th>
                  <Table.Th>{t('processesMore.runsOn.column')}</Table.Th>
                  <Table.Th>{t('processes.published')}</Table.Th>
                  <Table.Th>{t('processes.draft')}</Table.Th>
                  <Table.Th ta="right">{t('processes.running')}</Table.Th>
                  <Table.Th>{t('processes.updated')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {processes.data.map((process) => (
                  <Table.Tr key={process.id} data-testid="process-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/processes/${process.id}`} fw={500}>
                        {process.name}
                      </Anchor>
                      {process.description ? (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {process.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="process-runs-on">
                        {process.runsOn
                          ? t(`processesMore.runsOn.entities.${process.runsOn}`)
                          : t('processesMore.runsOn.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {process.publishedVersion !== null ? (
                        <Badge tt="none" color="teal" variant="light">
                          {t('processes.version', { version: process.publishedVersion })}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('processes.notPublished')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {process.hasDraft ? (
                        <Badge tt="none" color="yellow" variant="light">
                          {t('common.yes')}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('common.no')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {process.running > 0 ? (
                        <Anchor
                          component={Link}
                          to={`/processes/instances?definitionId=${process.id}&status=running`}
                        >
                          {process.running}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          0
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(process.updatedAt)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {/* A process without a record starts here; the others from their records. */}
                        {process.runsOn === null && process.publishedVersion !== null ? (
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconPlayerPlay size={14} />}
                            loading={start.isPending && start.variables?.id === process.id}
                            onClick={() =>
                              start.mutate(
                                { id: process.id, body: {} },
                                {
                                  onSuccess: (instance) => {
                                    notifySuccess(t('processes.start.started', { name: process.name }));
                                    navigate(`/processes/instances/${instance.id}`);
                                  },
                                  onError: notifyError,
                                },
                              )
                            }
                            data-testid="process-start"
                          >
                            {t('processesMore.start.button')}
                          </Button>
                        ) : null}
                        {editable ? (
                          <ConfirmButton
                            size="xs"
                            question={t('processes.deleteConfirm')}
                            loading={remove.isPending && remove.variables === process.id}
                            onConfirm={() =>
                              remove.mutate(process.id, {
                                onSuccess: () => notifySuccess(t('processes.deleted')),
                                onError: notifyError,
                              })
                            }
                          >
                            {t('common.delete')}
                          </ConfirmButton>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {creating === 'empty' || creating === 'import' ? (
        <CreateProcessModal source={creating} opened onClose={() => setCreating(null)} />
      ) : null}
      <Modal
        opened={creating === 'template'}
        onClose={() => setCreating(null)}
        title={t('processes.templates.title')}
        size={960}
        scrollAreaComponent={ScrollArea.Autosize}
      >
        <Text size="sm" c="dimmed" mb="md">
          {t('processes.templates.hint')}
        </Text>
        <TemplateGallery onCreated={() => setCreating(null)} />
      </Modal>
    </>
  );
}
