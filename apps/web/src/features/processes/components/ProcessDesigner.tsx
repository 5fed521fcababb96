import { Alert, Anchor, Badge, Box, Button, Group, Menu, Paper, Text, Title, Tooltip } from '@mantine/core';
import {
  IconArrowLeft,
  IconBolt,
  IconDeviceFloppy,
  IconDownload,
  IconHistory,
  IconRocket,
  IconTemplate,
} from '@tabler/icons-react';
import { canEditProcesses, type ProcessDefinitionDetail, type ProcessRunsOn } from '@voronka/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useCurrentSession } from '../../auth/session-context';
import { usePublishProcess, useSaveDraft } from '../api';
import { designerServices, markers } from '../bpmn/diagram';
import { useBpmn } from '../bpmn/use-bpmn';
import { type PublishProblem, publishProblems } from '../publish-problems';
import { PropertiesPanel } from './PropertiesPanel';
import { PublishProblems } from './PublishProblems';
import { TriggersModal } from './TriggersModal';

type Props = {
  definition: ProcessDefinitionDetail;
};

/** Offers the XML as a file download. */
function download(xml: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The designer: the bpmn-js modeler with our properties panel, saving drafts (Ctrl+S), publishing with
 * the engine's problems marked on the canvas, export, versions and triggers.
 */
export function ProcessDesigner({ definition }: Props) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const editable = canEditProcesses(user.role);
  const container = useRef<HTMLDivElement>(null);
  // The diagram is imported once; saving answers with the same XML and must not re-import it.
  const [initialXml] = useState(definition.xml);
  const { diagram, error } = useBpmn(container, initialXml, 'edit');
  const services = useMemo(() => (diagram ? designerServices(diagram) : null), [diagram]);
  const saveDraft = useSaveDraft();
  const publish = usePublishProcess();
  const [dirty, setDirty] = useState(false);
  // Kept with the process rather than in the diagram: saved with the draft, it applies at once.
  const [runsOn, setRunsOn] = useState<ProcessRunsOn | null>(definition.runsOn);
  const [problems, setProblems] = useState<PublishProblem[]>([]);
  const [triggersOpened, setTriggersOpened] = useState(false);

  useEffect(() => {
    if (!services) return;
    const changed = () => setDirty(true);
    services.eventBus.on('commandStack.changed', changed);
    return () => services.eventBus.off('commandStack.changed', changed);
  }, [services]);

  // Problems from the last publish attempt, outlined on the canvas.
  useEffect(() => {
    if (!services) return;
    const marked = problems
      .map((problem) => problem.elementId)
      .filter((id) => services.elementRegistry.get(id));
    for (const id of marked) services.canvas.addMarker(id, markers.problem);
    return () => {
      for (const id of marked)
        if (services.elementRegistry.get(id)) services.canvas.removeMarker(id, markers.problem);
    };
  }, [services, problems]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const currentXml = async () => {
    if (!diagram) throw new Error('The diagram is not loaded');
    const { xml } = await diagram.saveXML({ format: true });
    if (!xml) throw new Error('The diagram could not be written');
    return xml;
  };

  const save = async (): Promise<boolean> => {
    if (!services || !editable) return false;
    try {
      const xml = await currentXml();
      const name = services.canvas.getRootElement().businessObject.name?.trim();
      await saveDraft.mutateAsync({ id: definition.id, body: { xml, runsOn, ...(name && { name }) } });
      setDirty(false);
      return true;
    } catch (failure) {
      notifyError(failure);
      return false;
    }
  };

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current().then((saved) => saved && notifySuccess(t('processes.designer.saved')));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);

  const publishNow = async () => {
    if (!(await save())) return;
    publish.mutate(definition.id, {
      onSuccess: (published) => {
        setProblems([]);
        notifySuccess(t('processes.designer.publishedOk', { version: published.publishedVersion }));
      },
      onError: (failure) => {
        const refused = publishProblems(failure);
        if (refused) setProblems(refused);
        else notifyError(failure);
      },
    });
  };

  const exportXml = async () => {
    try {
      download(await currentXml(), `${definition.key}.bpmn`);
    } catch (failure) {
      notifyError(failure);
    }
  };

  const selectElement = (id: string) => {
    const element = services?.elementRegistry.get(id);
    if (!services || !element) return;
    services.selection.select(element);
    services.canvas.scrollToElement(element);
  };

  return (
    <Box
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 'var(--mantine-spacing-sm)',
        height: 'calc(100dvh - 56px - 2 * var(--mantine-spacing-md))',
        minHeight: 480,
      }}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" miw={0}>
          <Anchor component={Link} to="/processes" size="sm" aria-label={t('processes.designer.back')}>
            <IconArrowLeft size={18} />
          </Anchor>
          <Title order={3} style={{ overflowWrap: 'anywhere' }} data-testid="designer-title">
            {definition.name}
          </Title>
          {definition.publishedVersion !== null ? (
            <Badge tt="none" color="teal" variant="light" data-testid="designer-published">
              {t('processes.published')} · {t('processes.version', { version: definition.publishedVersion })}
            </Badge>
          ) : (
            <Badge tt="none" color="gray" variant="light">
              {t('processes.notPublished')}
            </Badge>
          )}
          {dirty ? (
            <Badge tt="none" color="yellow" variant="light" data-testid="designer-unsaved">
              {t('processes.designer.unsaved')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          <Menu position="bottom-end" withArrow>
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconHistory size={16} />}
                data-testid="designer-versions"
              >
                {t('processes.designer.versions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {definition.versions.map((version) => (
                <Menu.Item key={version.id} closeMenuOnClick={false} data-testid="designer-version">
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {t('processes.version', { version: version.version })}
                    </Text>
                    <Badge
                      tt="none"
                      size="sm"
                      variant="light"
                      color={
                        version.status === 'published'
                          ? 'teal'
                          : version.status === 'draft'
                            ? 'yellow'
                            : 'gray'
                      }
                    >
                      {t(`processes.designer.versionStatus.${version.status}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(version.publishedAt ?? version.createdAt)}
                    </Text>
                  </Group>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {editable ? (
            <Button
              variant="default"
              leftSection={<IconBolt size={16} />}
              onClick={() => setTriggersOpened(true)}
              data-testid="designer-triggers"
            >
              {t('processes.designer.triggers')}
              {definition.triggers.length > 0 ? ` (${definition.triggers.length})` : ''}
            </Button>
          ) : null}
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => void exportXml()}
            disabled={!diagram}
            data-testid="designer-export"
          >
            {t('processes.designer.export')}
          </Button>
          {editable ? (
            <>
              <Tooltip label={t('processes.designer.shortcut')}>
                <Button
                  variant="light"
                  leftSection={<IconDeviceFloppy size={16} />}
                  onClick={() =>
                    void save().then((saved) => saved && notifySuccess(t('processes.designer.saved')))
                  }
                  loading={saveDraft.isPending && !publish.isPending}
                  disabled={!diagram}
                  data-testid="designer-save"
                >
                  {t('processes.designer.saveDraft')}
                </Button>
              </Tooltip>
              <Button
                color="teal"
                leftSection={<IconRocket size={16} />}
                onClick={() => void publishNow()}
                loading={publish.isPending}
                disabled={!diagram}
                data-testid="designer-publish"
              >
                {t('processes.designer.publish')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      {editable ? null : (
        <Alert color="yellow" py="xs">
          {t('processes.designer.readOnly')}
        </Alert>
      )}
      {editable && definition.template && definition.publishedVersion === null ? (
        <Alert py="xs" icon={<IconTemplate size={18} />} data-testid="designer-template-hint">
          {t('processes.designer.fromTemplate')}
        </Alert>
      ) : null}
      {error ? <Alert color="red" title={t('processes.designer.loadFailed', { message: error })} /> : null}
      {problems.length > 0 ? (
        <PublishProblems problems={problems} onSelect={selectElement} onClose={() => setProblems([])} />
      ) : null}
      <Group gap="sm" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper
          withBorder
          radius="md"
          ref={container}
          className="voronka-diagram"
          style={{ flex: 1, minWidth: 0, overflow: 'hidden', position: 'relative' }}
          data-testid="designer-canvas"
        />
        <Paper withBorder radius="md" w={360} style={{ flexShrink: 0, overflow: 'hidden' }}>
          {services ? (
            <PropertiesPanel
              services={services}
              runsOn={runsOn}
              onRunsOnChange={(next) => {
                setRunsOn(next);
                setDirty(true);
              }}
            />
          ) : null}
        </Paper>
      </Group>
      {triggersOpened ? (
        <TriggersModal definition={definition} opened onClose={() => setTriggersOpened(false)} />
      ) : null}
    </Box>
  );
}
