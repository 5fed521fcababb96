import { Badge, Group, ScrollArea, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type ProcessRunsOn, processRecordEntities } from '@voronka/domain';
import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignerServices, DiagramElement } from '../bpmn/diagram';
import { isConditionalFlow } from '../bpmn/flow';
import { timerDefinition } from '../bpmn/timer';
import { ActionSection } from './ActionSection';
import { FlowSection } from './FlowSection';
import { TimerSection } from './TimerSection';
import { UserTaskSection } from './UserTaskSection';

type Props = {
  services: DesignerServices;
  /** The kind of record the process runs on (kept with the process, saved with the draft). */
  runsOn: ProcessRunsOn | null;
  onRunsOnChange: (runsOn: ProcessRunsOn | null) => void;
};

const noRecord = 'none';

const actionTasks = ['bpmn:ServiceTask', 'bpmn:SendTask'];

/**
 * Our own properties panel: the selected element's name and its `voronka:` settings, written into the
 * BPMN through `modeling`, so every change can be undone on the canvas (Ctrl+Z). With nothing selected,
 * the process itself: its name and the kind of record it runs on.
 */
export function PropertiesPanel({ services, runsOn, onRunsOnChange }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<DiagramElement | null>(null);
  // The business objects change in place: re-read them after every command.
  const [, refresh] = useReducer((count: number) => count + 1, 0);

  useEffect(() => {
    const onSelection = (event: { newSelection?: DiagramElement[] }) => {
      const chosen = event.newSelection?.length === 1 ? event.newSelection[0]! : null;
      setSelected(chosen?.labelTarget ?? chosen);
    };
    services.eventBus.on('selection.changed', onSelection);
    services.eventBus.on('commandStack.changed', refresh);
    return () => {
      services.eventBus.off('selection.changed', onSelection);
      services.eventBus.off('commandStack.changed', refresh);
    };
  }, [services]);

  // An element removed by a command (or undone into existence elsewhere) is no longer selected.
  const element = selected && services.elementRegistry.get(selected.id) === selected ? selected : null;
  const root = services.canvas.getRootElement();

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="sm" p="sm" data-testid="properties-panel">
        <Title order={5}>{t('processes.panel.title')}</Title>
        {element ? (
          <ElementProperties services={services} element={element} />
        ) : (
          <>
            <TextInput
              label={t('processes.panel.processName')}
              value={root.businessObject.name ?? ''}
              onChange={(event) =>
                services.modeling.updateProperties(root, { name: event.currentTarget.value })
              }
              data-testid="panel-process-name"
            />
            <Select
              label={t('processesMore.runsOn.label')}
              description={t('processesMore.runsOn.hint')}
              value={runsOn ?? noRecord}
              allowDeselect={false}
              data={[
                ...processRecordEntities.map((entity) => ({
                  value: entity,
                  label: t(`processesMore.runsOn.entities.${entity}`),
                })),
                { value: noRecord, label: t('processesMore.runsOn.none') },
              ]}
              onChange={(value) =>
                onRunsOnChange(!value || value === noRecord ? null : (value as ProcessRunsOn))
              }
              data-testid="panel-runs-on"
            />
            <Text size="sm" c="dimmed">
              {t('processes.panel.nothingSelected')}
            </Text>
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}

function ElementProperties({ services, element }: { services: DesignerServices; element: DiagramElement }) {
  const { t } = useTranslation();
  const business = element.businessObject;
  const timer = timerDefinition(business);
  const typeNames: Record<string, string> = t('processes.panel.types', { returnObjects: true });
  const type = business.$type.replace('bpmn:', '');

  return (
    <>
      <Group gap="xs">
        <Badge variant="light" tt="none" data-testid="panel-element-type" data-type={type}>
          {typeNames[type] ?? type}
        </Badge>
        <Text size="xs" c="dimmed" ff="monospace">
          {element.id}
        </Text>
      </Group>
      <TextInput
        label={t('processes.panel.name')}
        value={business.name ?? ''}
        onChange={(event) => services.modeling.updateLabel(element, event.currentTarget.value)}
        data-testid="panel-name"
      />
      {business.$type === 'bpmn:UserTask' ? <UserTaskSection services={services} element={element} /> : null}
      {actionTasks.includes(business.$type) ? <ActionSection services={services} element={element} /> : null}
      {business.$type === 'bpmn:SequenceFlow' && isConditionalFlow(business) ? (
        <FlowSection services={services} element={element} />
      ) : null}
      {timer ? <TimerSection services={services} element={element} definition={timer} /> : null}
    </>
  );
}
