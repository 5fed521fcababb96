import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import { voronkaModdle } from './extensions';
import { checkFeel, isIsoDuration, normalizeFeel, parseIsoInstant } from './feel';
import {
  type ActionDefinition,
  type ApprovalDefinition,
  approvalRules,
  assigneeKinds,
  type ElementKind,
  type EventDefinition,
  type FormField,
  formFieldTypes,
  type GraphElement,
  type GraphFlow,
  type MultiInstanceDefinition,
  type ProcessAction,
  type ProcessGraph,
  processActions,
  type TimerDefinition,
  type UserTaskDefinition,
} from './graph';
import { computeJoinUpstream } from './reachability';

export const compileProblemCodes = [
  'invalid_xml',
  'no_process',
  'multiple_processes',
  'unsupported_element',
  'unsupported_event_definition',
  'unsupported_loop',
  'unsupported_condition',
  'unsupported_language',
  'unsupported_timer',
  'no_start_event',
  'subprocess_start',
  'flow_source_missing',
  'flow_target_missing',
  'flow_crosses_scope',
  'no_incoming',
  'start_has_incoming',
  'end_has_outgoing',
  'gateway_no_outgoing',
  'missing_condition',
  'invalid_default',
  'event_gateway_target',
  'boundary_host',
  'error_boundary_non_interrupting',
  'missing_timer',
  'missing_message',
  'missing_error_code',
  'missing_action',
  'unknown_action',
  'missing_collection',
  'missing_called_element',
  'invalid_extension',
  'feel_syntax',
] as const;
export type CompileProblemCode = (typeof compileProblemCodes)[number];

export interface CompileProblem {
  elementId: string;
  elementType: string;
  code: CompileProblemCode;
  message: string;
}

export type CompileResult = { ok: true; graph: ProcessGraph } | { ok: false; problems: CompileProblem[] };

const kindsByType: Record<string, ElementKind> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:Task': 'task',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
};

/** Data and artifacts have no behaviour; they are skipped. */
const ignoredTypes = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/** Which event definitions each event kind may carry ('none' = without one). */
const allowedEvents: Partial<Record<ElementKind, readonly string[]>> = {
  startEvent: ['none', 'timer', 'message'],
  endEvent: ['none', 'terminate', 'error'],
  intermediateCatchEvent: ['timer', 'message'],
  intermediateThrowEvent: ['none'],
  boundaryEvent: ['timer', 'message', 'error'],
};

const boundaryHosts = new Set<ElementKind>([
  'userTask',
  'serviceTask',
  'sendTask',
  'subProcess',
  'callActivity',
]);
const camundaNamespace = 'http://camunda.org/schema/1.0/bpmn';
const plainName = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Source {
  node: ModdleElement;
  element: GraphElement;
}

/** Collects every problem of one file, so the designer can show them all at once. */
class Problems {
  readonly list: CompileProblem[] = [];

  add(node: ModdleElement | undefined, code: CompileProblemCode, message: string): void {
    this.list.push({ elementId: node?.id ?? '', elementType: node?.$type ?? '', code, message });
  }

  /** Checks a FEEL expression; returns it normalised (without a leading `=`), or undefined if broken. */
  feel(node: ModdleElement, what: string, expression: string | undefined): string | undefined {
    if (expression === undefined || expression.trim() === '') return undefined;
    const error = checkFeel(expression);
    if (error) {
      this.add(node, 'feel_syntax', `${what} "${expression.trim()}" is not valid FEEL: ${error.message}`);
      return undefined;
    }
    return normalizeFeel(expression);
  }
}

function label(node: ModdleElement): string {
  return node.name ? `"${node.name}" (${node.id})` : `${node.id}`;
}

function extension(node: ModdleElement, type: string): ModdleElement | undefined {
  return node.extensionElements?.values?.find((value) => value.$type === type);
}

/** A foreign attribute by namespace, whatever prefix the file bound it to. */
function foreignAttribute(node: ModdleElement, root: ModdleElement, namespace: string, name: string) {
  const attrs = node.$attrs ?? {};
  for (const [key, value] of Object.entries(root.$attrs ?? {})) {
    if (key.startsWith('xmlns:') && value === namespace) {
      const found = attrs[`${key.slice(6)}:${name}`];
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function compileTimer(
  node: ModdleElement,
  definition: ModdleElement,
  problems: Problems,
): TimerDefinition | null {
  const candidates = [
    ['duration', definition.timeDuration],
    ['date', definition.timeDate],
    ['cycle', definition.timeCycle],
  ] as const;
  const found = candidates.find(([, expression]) => expression?.body?.trim());
  if (!found) {
    problems.add(node, 'missing_timer', `Timer ${label(node)} has no duration, date or cycle`);
    return null;
  }
  const kind = found[0];
  const text = found[1]!.body!.trim();
  if (kind === 'cycle' && node.$type !== 'bpmn:StartEvent') {
    problems.add(
      node,
      'unsupported_timer',
      `Timer ${label(node)}: cycles are supported on start events only`,
    );
    return null;
  }
  if (!text.startsWith('=')) {
    if (kind === 'duration' && isIsoDuration(text)) return { kind, value: text, isExpression: false };
    if (kind === 'date' && parseIsoInstant(text)) return { kind, value: text, isExpression: false };
    if (kind === 'cycle' && /^R\d*\//.test(text)) return { kind, value: text, isExpression: false };
  }
  const expression = problems.feel(node, `Timer ${kind}`, text);
  return expression === undefined ? null : { kind, value: expression, isExpression: true };
}

function compileEvent(
  node: ModdleElement,
  kind: ElementKind,
  problems: Problems,
): EventDefinition | undefined | null {
  const definitions = node.eventDefinitions ?? [];
  const allowed = allowedEvents[kind];
  if (!allowed) return undefined;
  if (definitions.length > 1) {
    problems.add(node, 'unsupported_event_definition', `Event ${label(node)} has several definitions`);
    return null;
  }
  const definition = definitions[0];
  const type = definition
    ? (
        {
          'bpmn:TimerEventDefinition': 'timer',
          'bpmn:MessageEventDefinition': 'message',
          'bpmn:ErrorEventDefinition': 'error',
          'bpmn:TerminateEventDefinition': 'terminate',
        } as Record<string, string>
      )[definition.$type]
    : 'none';
  if (!type || !allowed.includes(type)) {
    const what = definition ? definition.$type.replace('bpmn:', '').replace('EventDefinition', '') : 'none';
    problems.add(
      node,
      'unsupported_event_definition',
      `${node.$type.replace('bpmn:', '')} ${label(node)}: ${what} events are not supported here`,
    );
    return null;
  }
  if (!definition) return undefined;
  switch (type) {
    case 'timer': {
      const timer = compileTimer(node, definition, problems);
      return timer && { type: 'timer', timer };
    }
    case 'message': {
      const message = definition.messageRef;
      if (!message?.name) {
        problems.add(node, 'missing_message', `Message event ${label(node)} names no message`);
        return null;
      }
      const correlationKey = problems.feel(node, 'Correlation key', message.correlationKey);
      return correlationKey
        ? { type: 'message', message: message.name, correlationKey }
        : { type: 'message', message: message.name };
    }
    case 'error': {
      const errorCode = definition.errorRef?.errorCode;
      if (!errorCode && kind === 'endEvent') {
        problems.add(node, 'missing_error_code', `Error end event ${label(node)} has no error code`);
        return null;
      }
      return errorCode ? { type: 'error', errorCode } : { type: 'error' };
    }
    default:
      return { type: 'terminate' };
  }
}

function compileUserTask(node: ModdleElement, root: ModdleElement, problems: Problems): UserTaskDefinition {
  const task: UserTaskDefinition = {};
  const assignee = extension(node, 'voronka:Assignee');
  if (assignee) {
    const kind = assignee.kind as (typeof assigneeKinds)[number];
    if (!assigneeKinds.includes(kind)) {
      problems.add(
        node,
        'invalid_extension',
        `Assignee kind "${assignee.kind}" is not one of ${assigneeKinds}`,
      );
    } else if (kind !== 'initiator' && kind !== 'departmentHead' && !assignee.value) {
      // A department head without a department means the head of the initiator's department.
      problems.add(node, 'invalid_extension', `Assignee of ${label(node)} has no value`);
    } else if (kind === 'variable') {
      const value = problems.feel(node, 'Assignee', assignee.value);
      if (value) task.assignee = { kind, value };
    } else {
      task.assignee = kind === 'initiator' || !assignee.value ? { kind } : { kind, value: assignee.value };
    }
  } else {
    const user = foreignAttribute(node, root, camundaNamespace, 'assignee');
    const group = foreignAttribute(node, root, camundaNamespace, 'candidateGroups');
    const variable = user && /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/.exec(user)?.[1];
    if (variable) task.assignee = { kind: 'variable', value: variable };
    else if (user && !user.includes('${')) task.assignee = { kind: 'user', value: user };
    else if (group && !group.includes('${') && !group.includes(','))
      task.assignee = { kind: 'role', value: group };
  }
  const dueDate = extension(node, 'voronka:DueDate');
  if (dueDate) {
    const expression = problems.feel(node, 'Due date', dueDate.expression);
    if (expression) task.dueDate = expression;
  }
  const form = extension(node, 'voronka:Form');
  if (form) {
    task.form = (form.fields ?? []).flatMap((field): FormField[] => {
      const type = (field.type ?? 'text') as FormField['type'];
      if (!field.id || !formFieldTypes.includes(type)) {
        problems.add(
          node,
          'invalid_extension',
          `Form field "${field.id ?? ''}" needs an id and a type among ${formFieldTypes}`,
        );
        return [];
      }
      const compiled: FormField = { id: field.id, label: field.label ?? field.id, type };
      if (field.required) compiled.required = true;
      const options = (field.options ?? []).map((option) => ({
        value: option.value ?? '',
        label: option.label ?? option.value ?? '',
      }));
      if (options.length > 0) compiled.options = options;
      return [compiled];
    });
  }
  return task;
}

function compileAction(node: ModdleElement, problems: Problems): ActionDefinition | undefined {
  const action = extension(node, 'voronka:Action');
  if (!action?.name) {
    problems.add(node, 'missing_action', `Task ${label(node)} has no voronka:action`);
    return undefined;
  }
  if (!processActions.includes(action.name as ProcessAction)) {
    problems.add(
      node,
      'unknown_action',
      `Action "${action.name}" is not one of ${processActions.join(', ')}`,
    );
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const param of action.params ?? []) {
    if (!param.name) {
      problems.add(node, 'invalid_extension', `A parameter of ${label(node)} has no name`);
      continue;
    }
    const expression = problems.feel(node, `Parameter ${param.name}`, param.expression);
    if (expression) params[param.name] = expression;
    else if (!param.expression?.trim()) params[param.name] = 'null';
  }
  const compiled: ActionDefinition = { name: action.name as ProcessAction, params };
  if (action.resultVariable) compiled.resultVariable = action.resultVariable;
  return compiled;
}

function compileMultiInstance(
  node: ModdleElement,
  kind: ElementKind,
  root: ModdleElement,
  problems: Problems,
): MultiInstanceDefinition | undefined {
  const loop = node.loopCharacteristics;
  const approvalNode = extension(node, 'voronka:Approval');
  if (!loop) {
    if (approvalNode)
      problems.add(node, 'invalid_extension', `Approval on ${label(node)} needs multi-instance`);
    return undefined;
  }
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.add(
      node,
      'unsupported_loop',
      `Loop on ${label(node)}: use gateways, or a multi-instance user task`,
    );
    return undefined;
  }
  if (kind !== 'userTask') {
    problems.add(
      node,
      'unsupported_loop',
      `Multi-instance is supported on user tasks only, not on ${label(node)}`,
    );
    return undefined;
  }
  const camundaCollection = foreignAttribute(loop, root, camundaNamespace, 'collection');
  const collectionText =
    loop.collection ??
    (camundaCollection && plainName.test(camundaCollection) ? camundaCollection : undefined);
  if (!collectionText?.trim()) {
    problems.add(node, 'missing_collection', `Multi-instance ${label(node)} has no voronka:collection`);
    return undefined;
  }
  const collection = problems.feel(node, 'Collection', collectionText);
  const completionCondition = problems.feel(node, 'Completion condition', loop.completionCondition?.body);
  if (!collection) return undefined;
  const compiled: MultiInstanceDefinition = { sequential: loop.isSequential === true, collection };
  const elementVariable =
    loop.elementVariable ?? foreignAttribute(loop, root, camundaNamespace, 'elementVariable');
  if (elementVariable) compiled.elementVariable = elementVariable;
  if (completionCondition) compiled.completionCondition = completionCondition;
  if (approvalNode) {
    const rule = approvalNode.rule as ApprovalDefinition['rule'];
    if (!approvalRules.includes(rule) || !approvalNode.vote || !approvalNode.result) {
      problems.add(
        node,
        'invalid_extension',
        `Approval of ${label(node)} needs rule (${approvalRules.join(' | ')}), vote and result`,
      );
    } else {
      compiled.approval = { rule, vote: approvalNode.vote, result: approvalNode.result };
    }
  }
  return compiled;
}

function compileElement(
  node: ModdleElement,
  kind: ElementKind,
  parent: string | undefined,
  root: ModdleElement,
  problems: Problems,
): GraphElement {
  const element: GraphElement = { id: node.id!, kind, in: [], out: [] };
  if (node.name) element.name = node.name;
  if (parent) element.parent = parent;
  const event = compileEvent(node, kind, problems);
  if (event) element.event = event;
  const multiInstance = compileMultiInstance(node, kind, root, problems);
  if (multiInstance) element.multiInstance = multiInstance;
  switch (kind) {
    case 'userTask':
      element.userTask = compileUserTask(node, root, problems);
      break;
    case 'serviceTask':
    case 'sendTask': {
      const action = compileAction(node, problems);
      if (action) element.action = action;
      break;
    }
    case 'callActivity':
      if (node.calledElement) element.calledElement = node.calledElement;
      else problems.add(node, 'missing_called_element', `Call activity ${label(node)} names no process`);
      break;
    case 'boundaryEvent':
      element.interrupting = node.cancelActivity !== false;
      if (node.attachedToRef?.id) element.attachedTo = node.attachedToRef.id;
      break;
  }
  return element;
}

interface Collected {
  elements: Map<string, Source>;
  flows: Map<string, { node: ModdleElement; parent: string | undefined }>;
}

function collect(
  container: ModdleElement,
  parent: string | undefined,
  root: ModdleElement,
  collected: Collected,
  problems: Problems,
): void {
  for (const node of container.flowElements ?? []) {
    if (node.$type === 'bpmn:SequenceFlow') {
      collected.flows.set(node.id!, { node, parent });
      continue;
    }
    if (ignoredTypes.has(node.$type)) continue;
    const kind = kindsByType[node.$type];
    if (!kind || (kind === 'subProcess' && node.triggeredByEvent)) {
      const what = node.triggeredByEvent ? 'event sub-process' : node.$type.replace('bpmn:', '');
      problems.add(node, 'unsupported_element', `${label(node)}: ${what} is not supported`);
      continue;
    }
    collected.elements.set(node.id!, { node, element: compileElement(node, kind, parent, root, problems) });
    if (kind === 'subProcess') collect(node, node.id, root, collected, problems);
  }
}

function checkFlows(collected: Collected, flows: Record<string, GraphFlow>, problems: Problems): void {
  for (const [id, { node, parent }] of collected.flows) {
    const source = node.sourceRef?.id ? collected.elements.get(node.sourceRef.id) : undefined;
    const target = node.targetRef?.id ? collected.elements.get(node.targetRef.id) : undefined;
    if (!source) problems.add(node, 'flow_source_missing', `Flow ${id} comes from nothing`);
    if (!target) problems.add(node, 'flow_target_missing', `Flow ${id} leads into nothing`);
    if (!source || !target) continue;
    if (source.element.parent !== parent || target.element.parent !== parent) {
      problems.add(node, 'flow_crosses_scope', `Flow ${id} crosses a sub-process border`);
      continue;
    }
    const flow: GraphFlow = { id, source: source.element.id, target: target.element.id };
    const condition = node.conditionExpression;
    const sourceKind = source.element.kind;
    const isDefault = source.node.default?.id === id;
    if (condition?.body?.trim() && !isDefault) {
      if (sourceKind !== 'exclusiveGateway' && sourceKind !== 'inclusiveGateway') {
        problems.add(
          node,
          'unsupported_condition',
          `Flow ${id}: conditions belong on exclusive or inclusive gateways`,
        );
      } else if (condition.language && !/feel/i.test(condition.language)) {
        problems.add(
          node,
          'unsupported_language',
          `Flow ${id}: condition language ${condition.language}, use FEEL`,
        );
      } else {
        const expression = problems.feel(node, `Condition of flow ${id}`, condition.body);
        if (expression) flow.condition = expression;
      }
    }
    if (isDefault) flow.isDefault = true;
    flows[id] = flow;
    source.element.out.push(id);
    target.element.in.push(id);
  }
}

function checkStructure(
  collected: Collected,
  graph: ProcessGraph,
  subProcesses: Source[],
  problems: Problems,
): void {
  const { elements, flows } = graph;
  for (const { node, element } of collected.elements.values()) {
    const what = label(node);
    switch (element.kind) {
      case 'startEvent':
        if (element.in.length > 0)
          problems.add(node, 'start_has_incoming', `Start event ${what} has incoming flows`);
        break;
      case 'endEvent':
        if (element.out.length > 0)
          problems.add(node, 'end_has_outgoing', `End event ${what} has outgoing flows`);
        break;
      case 'boundaryEvent': {
        const host = element.attachedTo ? elements[element.attachedTo] : undefined;
        if (!host || !boundaryHosts.has(host.kind) || host.parent !== element.parent) {
          problems.add(
            node,
            'boundary_host',
            `Boundary event ${what} must sit on a task, sub-process or call`,
          );
        } else {
          host.boundaries = [...(host.boundaries ?? []), element.id];
        }
        if (element.event?.type === 'error' && !element.interrupting) {
          problems.add(node, 'error_boundary_non_interrupting', `Error boundary ${what} must interrupt`);
        }
        if (element.in.length > 0)
          problems.add(node, 'start_has_incoming', `Boundary event ${what} has incoming flows`);
        break;
      }
      default:
        if (element.in.length === 0) problems.add(node, 'no_incoming', `${what} has no incoming flow`);
    }
    if (element.kind.endsWith('Gateway') && element.out.length === 0) {
      problems.add(node, 'gateway_no_outgoing', `Gateway ${what} has no outgoing flow`);
    }
    if (element.kind === 'exclusiveGateway' || element.kind === 'inclusiveGateway') {
      const defaultId = node.default?.id;
      if (defaultId && !element.out.includes(defaultId)) {
        problems.add(node, 'invalid_default', `Default flow of ${what} is not one of its outgoing flows`);
      } else if (defaultId) {
        element.defaultFlow = defaultId;
      }
      if (element.out.length > 1) {
        for (const flowId of element.out) {
          const flow = flows[flowId]!;
          const source = collected.flows.get(flowId)!.node;
          if (!flow.condition && !flow.isDefault && !source.conditionExpression?.body?.trim()) {
            problems.add(source, 'missing_condition', `Flow ${flowId} out of ${what} has no condition`);
          }
        }
      }
    }
    if (element.kind === 'eventBasedGateway') {
      for (const flowId of element.out) {
        const target = elements[flows[flowId]!.target]!;
        const type = target.event?.type;
        if (target.kind !== 'intermediateCatchEvent' || (type !== 'timer' && type !== 'message')) {
          problems.add(
            node,
            'event_gateway_target',
            `${what} may only lead to timer or message catch events`,
          );
        }
      }
    }
  }
  for (const { node, element } of subProcesses) {
    const starts = Object.values(elements).filter(
      (child) => child.parent === element.id && child.kind === 'startEvent',
    );
    if (starts.length !== 1 || starts[0]!.event) {
      problems.add(node, 'subprocess_start', `Sub-process ${label(node)} needs exactly one none start event`);
    } else {
      element.start = starts[0]!.id;
    }
  }
}

let moddle: ReturnType<typeof BpmnModdle> | undefined;

/**
 * Parses BPMN 2.0 XML and compiles its one executable process into a `ProcessGraph`, or lists every
 * problem found: unsupported elements, structural errors, broken FEEL.
 *
 * @example const result = await compileProcess(xml);
 * if (!result.ok) console.log(result.problems); // [{ elementId: 'Task_1', elementType: 'bpmn:ScriptTask', code: 'unsupported_element', … }]
 */
export async function compileProcess(xml: string): Promise<CompileResult> {
  const problems = new Problems();
  // Loaded on first use, so a web page that only reads schemas from this package doesn't carry the parser.
  moddle ??= (await import('bpmn-moddle')).BpmnModdle({ voronka: voronkaModdle });
  let definitions: ModdleElement;
  try {
    definitions = (await moddle.fromXML(xml)).rootElement;
  } catch (error) {
    problems.add(undefined, 'invalid_xml', `Not a BPMN 2.0 file: ${(error as Error).message.split('\n')[0]}`);
    return { ok: false, problems: problems.list };
  }
  const processes = (definitions.rootElements ?? []).filter(
    (element) => element.$type === 'bpmn:Process' && (element.flowElements?.length ?? 0) > 0,
  );
  if (processes.length !== 1) {
    problems.add(
      definitions,
      processes.length === 0 ? 'no_process' : 'multiple_processes',
      processes.length === 0
        ? 'The file holds no process'
        : 'The file holds several processes; keep one pool',
    );
    return { ok: false, problems: problems.list };
  }
  const process = processes[0]!;
  const collected: Collected = { elements: new Map(), flows: new Map() };
  collect(process, undefined, definitions, collected, problems);
  const graph: ProcessGraph = { format: 1, key: process.id!, startEvents: [], elements: {}, flows: {} };
  if (process.name) graph.name = process.name;
  for (const { element } of collected.elements.values()) graph.elements[element.id] = element;
  checkFlows(collected, graph.flows, problems);
  const subProcesses = [...collected.elements.values()].filter(
    ({ element }) => element.kind === 'subProcess',
  );
  checkStructure(collected, graph, subProcesses, problems);
  for (const element of Object.values(graph.elements)) {
    if (element.kind === 'startEvent' && !element.parent) graph.startEvents.push(element.id);
  }
  if (graph.startEvents.length === 0) {
    problems.add(process, 'no_start_event', `Process ${label(process)} has no start event`);
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  computeJoinUpstream(graph);
  return { ok: true, graph };
}
