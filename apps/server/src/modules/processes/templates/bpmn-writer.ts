import { voronkaNamespace } from '@voronka/domain';
import { layoutProcess } from './layout';
import type {
  ProcessTemplateDefinition,
  TemplateFlow,
  TemplateLocale,
  TemplateNode,
  Text,
} from './template-model';

const escapeXml = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const say = (value: string | Text | undefined, locale: TemplateLocale) =>
  value === undefined ? undefined : typeof value === 'string' ? value : value[locale];

const nameAttribute = (name: Text | undefined, locale: TemplateLocale) =>
  name ? ` name="${escapeXml(name[locale])}"` : '';

/** Flow ids from their ends: readable in the designer and stable across languages. */
export function flowId(item: TemplateFlow, index: number, flows: readonly TemplateFlow[]): string {
  const base = `${item.from}_to_${item.to}`;
  const same = flows.slice(0, index).filter((other) => other.from === item.from && other.to === item.to);
  return same.length === 0 ? base : `${base}_${same.length + 1}`;
}

function extensions(node: TemplateNode, locale: TemplateLocale): string[] {
  const lines: string[] = [];
  if (node.type === 'userTask') {
    const value = node.assignee.value === undefined ? '' : ` value="${escapeXml(node.assignee.value)}"`;
    lines.push(`<voronka:assignee kind="${node.assignee.kind}"${value} />`);
    if (node.dueDate) lines.push(`<voronka:dueDate>${escapeXml(node.dueDate)}</voronka:dueDate>`);
    if (node.form && node.form.length > 0) {
      lines.push('<voronka:form>');
      for (const field of node.form) {
        const head = `<voronka:field id="${field.id}" label="${escapeXml(field.label[locale])}" type="${field.type}"${field.required ? ' required="true"' : ''}`;
        if (!field.options) {
          lines.push(`  ${head} />`);
          continue;
        }
        lines.push(`  ${head}>`);
        for (const option of field.options) {
          lines.push(
            `    <voronka:option value="${escapeXml(option.value)}" label="${escapeXml(option.label[locale])}" />`,
          );
        }
        lines.push('  </voronka:field>');
      }
      lines.push('</voronka:form>');
    }
    const approval = node.multiInstance?.approval;
    if (approval) {
      lines.push(
        `<voronka:approval rule="${approval.rule}" vote="${approval.vote}" result="${approval.result}" />`,
      );
    }
  }
  if (node.type === 'serviceTask' || node.type === 'sendTask') {
    const result = node.resultVariable ? ` resultVariable="${node.resultVariable}"` : '';
    if (Object.keys(node.params).length === 0) {
      lines.push(`<voronka:action name="${node.action}"${result} />`);
      return lines;
    }
    lines.push(`<voronka:action name="${node.action}"${result}>`);
    for (const [name, expression] of Object.entries(node.params)) {
      lines.push(`  <voronka:param name="${name}">${escapeXml(say(expression, locale)!)}</voronka:param>`);
    }
    lines.push('</voronka:action>');
  }
  return lines;
}

const tags: Record<TemplateNode['type'], string> = {
  start: 'bpmn:startEvent',
  end: 'bpmn:endEvent',
  userTask: 'bpmn:userTask',
  serviceTask: 'bpmn:serviceTask',
  sendTask: 'bpmn:sendTask',
  exclusive: 'bpmn:exclusiveGateway',
  parallel: 'bpmn:parallelGateway',
  timer: 'bpmn:intermediateCatchEvent',
  boundaryTimer: 'bpmn:boundaryEvent',
};

function timerDefinition(node: TemplateNode): string[] {
  if (node.type !== 'timer' && node.type !== 'boundaryTimer') return [];
  const [element, expression] =
    node.type === 'timer' && node.wait ? ['timeDuration', node.wait] : ['timeDate', node.until!];
  return [
    '<bpmn:timerEventDefinition>',
    `  <bpmn:${element} xsi:type="bpmn:tFormalExpression">=${escapeXml(expression)}</bpmn:${element}>`,
    '</bpmn:timerEventDefinition>',
  ];
}

function elementXml(node: TemplateNode, locale: TemplateLocale, defaults: Map<string, string>): string[] {
  const tag = tags[node.type];
  let attributes = `id="${node.id}"${nameAttribute(node.name, locale)}`;
  if (node.type === 'boundaryTimer') attributes += ` attachedToRef="${node.attachedTo}"`;
  if (node.type === 'userTask' && node.decisions)
    attributes += ` voronka:decisions="${node.decisions.join(' ')}"`;
  const fallback = defaults.get(node.id);
  if (fallback) attributes += ` default="${fallback}"`;
  const extension = extensions(node, locale);
  const inner = [
    ...(extension.length > 0
      ? ['<bpmn:extensionElements>', ...extension.map((line) => `  ${line}`), '</bpmn:extensionElements>']
      : []),
    ...timerDefinition(node),
  ];
  if (node.type === 'userTask' && node.multiInstance) {
    const { collection, elementVariable, sequential } = node.multiInstance;
    inner.push(
      `<bpmn:multiInstanceLoopCharacteristics${sequential ? ' isSequential="true"' : ''} voronka:collection="${escapeXml(say(collection, locale)!)}" voronka:elementVariable="${elementVariable}" />`,
    );
  }
  if (inner.length === 0) return [`<${tag} ${attributes} />`];
  return [`<${tag} ${attributes}>`, ...inner.map((line) => `  ${line}`), `</${tag}>`];
}

/**
 * BPMN 2.0 XML of a template in one language, with our `voronka:` extensions and a laid-out diagram,
 * under the given process id (ids must be unique in a workspace, so each copy gets its own).
 *
 * @example const xml = writeTemplateXml(contractApproval, 'en', 'contract-approval-lx3k9');
 */
export function writeTemplateXml(
  template: ProcessTemplateDefinition,
  locale: TemplateLocale,
  processId: string,
): string {
  const { nodes, flows } = template;
  const ids = flows.map((item, index) => flowId(item, index, flows));
  const defaults = new Map<string, string>();
  flows.forEach((item, index) => {
    if (item.otherwise) defaults.set(item.from, ids[index]!);
  });
  const body: string[] = [];
  for (const node of nodes) body.push(...elementXml(node, locale, defaults));
  flows.forEach((item, index) => {
    const head = `<bpmn:sequenceFlow id="${ids[index]}"${nameAttribute(item.name, locale)} sourceRef="${item.from}" targetRef="${item.to}"`;
    if (!item.when || item.otherwise) body.push(`${head} />`);
    else {
      body.push(
        `${head}>`,
        `  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${escapeXml(item.when)}</bpmn:conditionExpression>`,
        '</bpmn:sequenceFlow>',
      );
    }
  });

  const { shapes, edges } = layoutProcess(nodes, flows);
  const diagram: string[] = [];
  for (const node of nodes) {
    const box = shapes.get(node.id)!;
    const marker = node.type === 'exclusive' ? ' isMarkerVisible="true"' : '';
    diagram.push(
      `<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}>`,
      `  <dc:Bounds x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" />`,
      '</bpmndi:BPMNShape>',
    );
  }
  edges.forEach((points, index) => {
    diagram.push(
      `<bpmndi:BPMNEdge id="${ids[index]}_di" bpmnElement="${ids[index]}">`,
      ...points.map((point) => `  <di:waypoint x="${point.x}" y="${point.y}" />`),
      '</bpmndi:BPMNEdge>',
    );
  });

  const indent = (lines: string[], depth: number) => lines.map((line) => `${'  '.repeat(depth)}${line}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ' +
      `xmlns:voronka="${voronkaNamespace}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${processId}" targetNamespace="http://voronka.dev/bpmn">`,
    `  <bpmn:process id="${processId}" name="${escapeXml(template.name[locale])}" isExecutable="true">`,
    ...indent(body, 2),
    '  </bpmn:process>',
    `  <bpmndi:BPMNDiagram id="Diagram_${processId}">`,
    `    <bpmndi:BPMNPlane id="Plane_${processId}" bpmnElement="${processId}">`,
    ...indent(diagram, 3),
    '    </bpmndi:BPMNPlane>',
    '  </bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}
