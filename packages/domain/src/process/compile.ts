import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import { voronkaModdle } from './extensions';
import { checkFeel, evaluateFeel, FeelError, isIsoDuration, normalizeFeel, parseIsoInstant } from './feel';
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
  type TaskDecision,
  type TimerDefinition,
  taskDecisions,
  type UserTaskDefinition,
} from './graph';
import {
  type CompileProblem,
  type CompileProblemCode,
  type CompileProblemParams,
  compileProblemMessage,
  type FeelSubject,
} from './problems';
import { computeJoinUpstream } from './reachability';

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

  add(node: ModdleElement | undefined, code: CompileProblemCode, params: CompileProblemParams = {}): void {
    this.list.push({
      elementId: node?.id ?? '',
      elementType: node?.$type ?? '',
      code,
      params,
      message: compileProblemMessage(code, params),
    });
  }

  /**
   * Checks a FEEL expression; returns it normalised (without a leading `=`), or undefined if broken.
   * `subject` says what the expression is (`more` names its flow or parameter).
   */
  feel(
    node: ModdleElement,
    subject: FeelSubject,
    expression: string | undefined,
    more: CompileProblemParams = {},
  ): string | undefined {
    if (expression === undefined || expression.trim() === '') return undefined;
    const error = checkFeel(expression);
    if (error) {
      this.add(node, 'feel_syntax', {
        subject,
        ...more,
        expression: expression.trim(),
        error: error.message,
      });
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
    problems.add(node, 'missing_timer', { element: label(node) });
    return null;
  }
  const kind = found[0];
  const text = found[1]!.body!.trim();
  if (kind === 'cycle' && node.$type !== 'bpmn:StartEvent') {
    problems.add(node, 'unsupported_timer', { element: label(node) });
    return null;
  }
  if (!text.startsWith('=')) {
    if (kind === 'duration' && isIsoDuration(text)) return { kind, value: text, isExpression: false };
    if (kind === 'date' && parseIsoInstant(text)) return { kind, value: text, isExpression: false };
    if (kind === 'cycle' && /^R\d*\//.test(text)) return { kind, value: text, isExpression: false };
  }
  const subject = ({ duration: 'timerDuration', date: 'timerDate', cycle: 'timerCycle' } as const)[kind];
  const expression = problems.feel(node, subject, text);
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
    problems.add(node, 'multiple_event_definitions', { element: label(node) });
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
    problems.add(node, 'unsupported_event_definition', {
      type: node.$type.replace('bpmn:', ''),
      element: label(node),
      definition: what,
    });
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
        problems.add(node, 'missing_message', { element: label(node) });
        return null;
      }
      const correlationKey = problems.feel(node, 'correlationKey', message.correlationKey);
      return correlationKey
        ? { type: 'message', message: message.name, correlationKey }
        : { type: 'message', message: message.name };
    }
    case 'error': {
      const errorCode = definition.errorRef?.errorCode;
      if (!errorCode && kind === 'endEvent') {
        problems.add(node, 'missing_error_code', { element: label(node) });
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
      problems.add(node, 'invalid_assignee', {
        kind: String(assignee.kind ?? ''),
        allowed: assigneeKinds.join(', '),
      });
    } else if (kind !== 'initiator' && kind !== 'departmentHead' && !assignee.value) {
      // A department head without a department means the head of the initiator's department.
      problems.add(node, 'assignee_without_value', { element: label(node) });
    } else if (kind === 'variable') {
      const value = problems.feel(node, 'assignee', assignee.value);
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
    const expression = problems.feel(node, 'dueDate', dueDate.expression);
    if (expression) task.dueDate = expression;
  }
  const form = extension(node, 'voronka:Form');
  if (form) {
    task.form = (form.fields ?? []).flatMap((field): FormField[] => {
      const type = (field.type ?? 'text') as FormField['type'];
      if (!field.id || !formFieldTypes.includes(type)) {
        problems.add(node, 'invalid_form_field', {
          field: field.id ?? '',
          allowed: formFieldTypes.join(', '),
        });
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
  const decisions = compileDecisions(node, problems);
  if (decisions) task.decisions = decisions;
  return task;
}

/** `voronka:decisions="approve revise reject"`: the decisions of an approval task, in the order given. */
function compileDecisions(node: ModdleElement, problems: Problems): TaskDecision[] | undefined {
  const listed = (node.decisions ?? '').split(/[\s,]+/).filter(Boolean);
  const approval = extension(node, 'voronka:Approval');
  if (listed.length === 0) return approval ? ['approve', 'reject'] : undefined;
  const decisions: TaskDecision[] = [];
  for (const decision of listed) {
    if (!taskDecisions.includes(decision as TaskDecision)) {
      problems.add(node, 'invalid_decision', {
        element: label(node),
        decision,
        allowed: taskDecisions.join(', '),
      });
    } else if (!decisions.includes(decision as TaskDecision)) {
      decisions.push(decision as TaskDecision);
    }
  }
  // A multi-instance approval counts votes for and against; there is nothing to send back.
  if (approval && decisions.includes('revise'))
    problems.add(node, 'approval_decisions', { element: label(node) });
  return decisions.length > 0 ? decisions : undefined;
}

/**
 * Every decision of an approval task must lead somewhere: when the task flows straight into an exclusive
 * or inclusive gateway without a default flow, some condition must be able to hold with that `decision`.
 * A condition that needs other variables too (and so is not plainly false) counts as able to hold.
 */
function checkDecisionRoutes(collected: Collected, graph: ProcessGraph, problems: Problems): void {
  for (const { node, element } of collected.elements.values()) {
    const decisions = element.userTask?.decisions;
    if (!decisions || element.out.length !== 1) continue;
    const gateway = graph.elements[graph.flows[element.out[0]!]!.target]!;
    if (gateway.kind !== 'exclusiveGateway' && gateway.kind !== 'inclusiveGateway') continue;
    if (gateway.defaultFlow) continue;
    const conditions = gateway.out.flatMap((flowId) => graph.flows[flowId]?.condition ?? []);
    for (const decision of decisions) {
      const routed = conditions.some((condition) => {
        try {
          return evaluateFeel(condition, { decision, outcome: decision }) !== false;
        } catch (error) {
          if (error instanceof FeelError) return true;
          throw error;
        }
      });
      if (!routed)
        problems.add(node, 'decision_unrouted', {
          element: label(node),
          decision,
          gateway: label(collected.elements.get(gateway.id)!.node),
        });
    }
  }
}

function compileAction(node: ModdleElement, problems: Problems): ActionDefinition | undefined {
  const action = extension(node, 'voronka:Action');
  if (!action?.name) {
    problems.add(node, 'missing_action', { element: label(node) });
    return undefined;
  }
  if (!processActions.includes(action.name as ProcessAction)) {
    problems.add(node, 'unknown_action', { action: action.name, allowed: processActions.join(', ') });
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const param of action.params ?? []) {
    if (!param.name) {
      problems.add(node, 'param_without_name', { element: label(node) });
      continue;
    }
    const expression = problems.feel(node, 'param', param.expression, { name: param.name });
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
    if (approvalNode) problems.add(node, 'approval_without_multi_instance', { element: label(node) });
    return undefined;
  }
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.add(node, 'unsupported_loop', { element: label(node) });
    return undefined;
  }
  if (kind !== 'userTask') {
    problems.add(node, 'multi_instance_not_user_task', { element: label(node) });
    return undefined;
  }
  const camundaCollection = foreignAttribute(loop, root, camundaNamespace, 'collection');
  const collectionText =
    loop.collection ??
    (camundaCollection && plainName.test(camundaCollection) ? camundaCollection : undefined);
  if (!collectionText?.trim()) {
    problems.add(node, 'missing_collection', { element: label(node) });
    return undefined;
  }
  const collection = problems.feel(node, 'collection', collectionText);
  const completionCondition = problems.feel(node, 'completionCondition', loop.completionCondition?.body);
  if (!collection) return undefined;
  const compiled: MultiInstanceDefinition = { sequential: loop.isSequential === true, collection };
  const elementVariable =
    loop.elementVariable ?? foreignAttribute(loop, root, camundaNamespace, 'elementVariable');
  if (elementVariable) compiled.elementVariable = elementVariable;
  if (completionCondition) compiled.completionCondition = completionCondition;
  if (approvalNode) {
    const rule = approvalNode.rule as ApprovalDefinition['rule'];
    if (!approvalRules.includes(rule) || !approvalNode.vote || !approvalNode.result) {
      problems.add(node, 'invalid_approval', { element: label(node), allowed: approvalRules.join(' | ') });
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
      else problems.add(node, 'missing_called_element', { element: label(node) });
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
      if (node.triggeredByEvent) problems.add(node, 'unsupported_event_subprocess', { element: label(node) });
      else
        problems.add(node, 'unsupported_element', {
          element: label(node),
          type: node.$type.replace('bpmn:', ''),
        });
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
    if (!source) problems.add(node, 'flow_source_missing', { flow: id });
    if (!target) problems.add(node, 'flow_target_missing', { flow: id });
    if (!source || !target) continue;
    if (source.element.parent !== parent || target.element.parent !== parent) {
      problems.add(node, 'flow_crosses_scope', { flow: id });
      continue;
    }
    const flow: GraphFlow = { id, source: source.element.id, target: target.element.id };
    const condition = node.conditionExpression;
    const sourceKind = source.element.kind;
    const isDefault = source.node.default?.id === id;
    if (condition?.body?.trim() && !isDefault) {
      if (sourceKind !== 'exclusiveGateway' && sourceKind !== 'inclusiveGateway') {
        problems.add(node, 'unsupported_condition', { flow: id });
      } else if (condition.language && !/feel/i.test(condition.language)) {
        problems.add(node, 'unsupported_language', { flow: id, language: condition.language });
      } else {
        const expression = problems.feel(node, 'condition', condition.body, { flow: id });
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
        if (element.in.length > 0) problems.add(node, 'start_has_incoming', { element: what });
        break;
      case 'endEvent':
        if (element.out.length > 0) problems.add(node, 'end_has_outgoing', { element: what });
        break;
      case 'boundaryEvent': {
        const host = element.attachedTo ? elements[element.attachedTo] : undefined;
        if (!host || !boundaryHosts.has(host.kind) || host.parent !== element.parent) {
          problems.add(node, 'boundary_host', { element: what });
        } else {
          host.boundaries = [...(host.boundaries ?? []), element.id];
        }
        if (element.event?.type === 'error' && !element.interrupting) {
          problems.add(node, 'error_boundary_non_interrupting', { element: what });
        }
        if (element.in.length > 0) problems.add(node, 'boundary_has_incoming', { element: what });
        break;
      }
      default:
        if (element.in.length === 0) problems.add(node, 'no_incoming', { element: what });
    }
    if (element.kind.endsWith('Gateway') && element.out.length === 0) {
      problems.add(node, 'gateway_no_outgoing', { element: what });
    }
    if (element.kind === 'exclusiveGateway' || element.kind === 'inclusiveGateway') {
      const defaultId = node.default?.id;
      if (defaultId && !element.out.includes(defaultId)) {
        problems.add(node, 'invalid_default', { element: what });
      } else if (defaultId) {
        element.defaultFlow = defaultId;
      }
      if (element.out.length > 1) {
        for (const flowId of element.out) {
          const flow = flows[flowId]!;
          const source = collected.flows.get(flowId)!.node;
          if (!flow.condition && !flow.isDefault && !source.conditionExpression?.body?.trim()) {
            problems.add(source, 'missing_condition', { flow: flowId, element: what });
          }
        }
      }
    }
    if (element.kind === 'eventBasedGateway') {
      for (const flowId of element.out) {
        const target = elements[flows[flowId]!.target]!;
        const type = target.event?.type;
        if (target.kind !== 'intermediateCatchEvent' || (type !== 'timer' && type !== 'message')) {
          problems.add(node, 'event_gateway_target', { element: what });
        }
      }
    }
  }
  for (const { node, element } of subProcesses) {
    const starts = Object.values(elements).filter(
      (child) => child.parent === element.id && child.kind === 'startEvent',
    );
    if (starts.length !== 1 || starts[0]!.event) {
      problems.add(node, 'subprocess_start', { element: label(node) });
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
    problems.add(undefined, 'invalid_xml', { reason: (error as Error).message.split('\n')[0] ?? '' });
    return { ok: false, problems: problems.list };
  }
  const processes = (definitions.rootElements ?? []).filter(
    (element) => element.$type === 'bpmn:Process' && (element.flowElements?.length ?? 0) > 0,
  );
  if (processes.length !== 1) {
    problems.add(definitions, processes.length === 0 ? 'no_process' : 'multiple_processes');
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
  checkDecisionRoutes(collected, graph, problems);
  for (const element of Object.values(graph.elements)) {
    if (element.kind === 'startEvent' && !element.parent) graph.startEvents.push(element.id);
  }
  if (graph.startEvents.length === 0) {
    problems.add(process, 'no_start_event', { element: label(process) });
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  computeJoinUpstream(graph);
  return { ok: true, graph };
}
