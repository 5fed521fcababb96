import { Alert, Group, Paper, Text } from '@mantine/core';
import type { ProcessInstanceDetail } from '@voronka/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ElementRegistry, markers, viewerServices } from '../bpmn/diagram';
import { instancePath, type PathFlow, type PathNode } from '../bpmn/instance-path';
import { useBpmn } from '../bpmn/use-bpmn';

type Props = {
  instance: ProcessInstanceDetail;
  /** Told the element names once the diagram is read, for the step log. */
  onNames: (names: Map<string, string>) => void;
};

function pathGraph(registry: ElementRegistry, rootId: string): { nodes: PathNode[]; flows: PathFlow[] } {
  const nodes: PathNode[] = [];
  const flows: PathFlow[] = [];
  for (const element of registry.getAll()) {
    const business = element.businessObject;
    if (element.type === 'label' || element.id === rootId) continue;
    if (element.waypoints) {
      if (element.source && element.target)
        flows.push({ id: element.id, source: element.source.id, target: element.target.id });
      continue;
    }
    nodes.push({
      id: element.id,
      type: business.$type,
      noneStart:
        business.$type === 'bpmn:StartEvent' &&
        (business.eventDefinitions?.length ?? 0) === 0 &&
        element.parent?.id === rootId,
    });
  }
  return { nodes, flows };
}

/** The instance's diagram (pan and zoom only): where it waits, where it went, where it failed. */
export function InstanceDiagram({ instance, onNames }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { diagram, error } = useBpmn(container, instance.xml, 'view');

  useEffect(() => {
    if (!diagram) return;
    const { canvas, elementRegistry } = viewerServices(diagram);
    const rootId = canvas.getRootElement().id;
    const { nodes, flows } = pathGraph(elementRegistry, rootId);
    const path = instancePath({
      nodes,
      flows,
      steps: instance.steps,
      waiting: instance.tokens.map((token) => token.elementId),
      status: instance.status,
    });
    const incidents = instance.incidentList
      .filter((incident) => !incident.resolvedAt)
      .map((incident) => incident.elementId);
    const marked: [string, string][] = [
      ...[...path.passed]
        .filter((id) => !path.waiting.has(id))
        .map((id): [string, string] => [id, markers.passed]),
      ...[...path.waiting].map((id): [string, string] => [id, markers.waiting]),
      ...incidents
        .filter((id) => elementRegistry.get(id))
        .map((id): [string, string] => [id, markers.incident]),
    ];
    for (const [id, marker] of marked) canvas.addMarker(id, marker);
    // Unnamed elements go by their kind ("End event") in the step log.
    const typeNames: Record<string, string> = t('processes.panel.types', { returnObjects: true });
    const nameOf = (node: PathNode) =>
      elementRegistry.get(node.id)?.businessObject.name ||
      typeNames[node.type.replace('bpmn:', '')] ||
      node.id;
    onNames(new Map(nodes.map((node) => [node.id, nameOf(node)])));
    return () => {
      for (const [id, marker] of marked) canvas.removeMarker(id, marker);
    };
  }, [diagram, instance, onNames, t]);

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      {error ? <Alert color="red">{t('processes.designer.loadFailed', { message: error })}</Alert> : null}
      <div
        ref={container}
        className="voronka-diagram"
        style={{ height: 380, position: 'relative' }}
        data-testid="instance-diagram"
      />
      <Group gap="lg" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Legend color="var(--mantine-color-teal-7)" label={t('processes.instance.legendPassed')} />
        <Legend color="var(--mantine-color-orange-6)" label={t('processes.instance.legendWaiting')} />
        <Legend color="var(--mantine-color-red-7)" label={t('processes.instance.legendIncident')} />
      </Group>
    </Paper>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <span
        style={{
          width: 14,
          height: 14,
          borderRadius: 3,
          border: `3px solid ${color}`,
          display: 'inline-block',
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
