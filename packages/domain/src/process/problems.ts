/**
 * What the compiler can refuse, each with a stable code, the values the sentence needs (`params`) and an
 * English sentence for the API. The designer words the same code and params in the user's language.
 * Placeholders are `{{name}}`, as i18next writes them.
 */
export const compileProblemMessages = {
  invalid_xml: 'Not a BPMN 2.0 file: {{reason}}',
  no_process: 'The file holds no process',
  multiple_processes: 'The file holds several processes; keep one pool',
  unsupported_element: '{{element}}: {{type}} is not supported',
  unsupported_event_subprocess: '{{element}}: event sub-process is not supported',
  unsupported_event_definition: '{{type}} {{element}}: {{definition}} events are not supported here',
  multiple_event_definitions: 'Event {{element}} has several definitions',
  unsupported_loop: 'Loop on {{element}}: use gateways, or a multi-instance user task',
  multi_instance_not_user_task: 'Multi-instance is supported on user tasks only, not on {{element}}',
  unsupported_condition: 'Flow {{flow}}: conditions belong on exclusive or inclusive gateways',
  unsupported_language: 'Flow {{flow}}: condition language {{language}}, use FEEL',
  unsupported_timer: 'Timer {{element}}: cycles are supported on start events only',
  no_start_event: 'Process {{element}} has no start event',
  subprocess_start: 'Sub-process {{element}} needs exactly one none start event',
  flow_source_missing: 'Flow {{flow}} comes from nothing',
  flow_target_missing: 'Flow {{flow}} leads into nothing',
  flow_crosses_scope: 'Flow {{flow}} crosses a sub-process border',
  no_incoming: '{{element}} has no incoming flow',
  start_has_incoming: 'Start event {{element}} has incoming flows',
  boundary_has_incoming: 'Boundary event {{element}} has incoming flows',
  end_has_outgoing: 'End event {{element}} has outgoing flows',
  gateway_no_outgoing: 'Gateway {{element}} has no outgoing flow',
  missing_condition: 'Flow {{flow}} out of {{element}} has no condition',
  invalid_default: 'Default flow of {{element}} is not one of its outgoing flows',
  event_gateway_target: '{{element}} may only lead to timer or message catch events',
  boundary_host: 'Boundary event {{element}} must sit on a task, sub-process or call',
  error_boundary_non_interrupting: 'Error boundary {{element}} must interrupt',
  missing_timer: 'Timer {{element}} has no duration, date or cycle',
  missing_message: 'Message event {{element}} names no message',
  missing_error_code: 'Error end event {{element}} has no error code',
  missing_action: 'Task {{element}} has no voronka:action',
  unknown_action: 'Action "{{action}}" is not one of {{allowed}}',
  param_without_name: 'A parameter of {{element}} has no name',
  missing_collection: 'Multi-instance {{element}} has no voronka:collection',
  missing_called_element: 'Call activity {{element}} names no process',
  invalid_assignee: 'Assignee kind "{{kind}}" is not one of {{allowed}}',
  assignee_without_value: 'Assignee of {{element}} has no value',
  invalid_form_field: 'Form field "{{field}}" needs an id and a type among {{allowed}}',
  approval_without_multi_instance: 'Approval on {{element}} needs multi-instance',
  invalid_approval: 'Approval of {{element}} needs rule ({{allowed}}), vote and result',
  invalid_decision: 'Decision "{{decision}}" of {{element}} is not one of {{allowed}}',
  approval_decisions: 'A multi-instance approval {{element}} can only approve or reject',
  decision_unrouted: 'Decision "{{decision}}" of {{element}}: no flow out of {{gateway}} takes it',
  feel_syntax: '{{subject}} "{{expression}}" is not valid FEEL: {{error}}',
} as const;

export type CompileProblemCode = keyof typeof compileProblemMessages;
export const compileProblemCodes = Object.keys(compileProblemMessages) as CompileProblemCode[];

/** What a FEEL expression is, for `feel_syntax`; `condition` names its flow, `param` its name. */
export const feelSubjectMessages = {
  timerDuration: 'Timer duration',
  timerDate: 'Timer date',
  timerCycle: 'Timer cycle',
  correlationKey: 'Correlation key',
  assignee: 'Assignee',
  dueDate: 'Due date',
  param: 'Parameter {{name}}',
  collection: 'Collection',
  completionCondition: 'Completion condition',
  condition: 'Condition of flow {{flow}}',
} as const;
export type FeelSubject = keyof typeof feelSubjectMessages;

export type CompileProblemParams = Record<string, string>;

export interface CompileProblem {
  elementId: string;
  elementType: string;
  code: CompileProblemCode;
  /** The values the sentence names: elements (`"Name" (id)`), flows, expressions, allowed values. */
  params: CompileProblemParams;
  /** The problem in English, for the API and logs. */
  message: string;
}

/** Fills `{{name}}` placeholders; a missing value leaves the placeholder's name. */
export function fillPlaceholders(template: string, params: Readonly<CompileProblemParams>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? name);
}

/**
 * The English sentence for a problem.
 *
 * @example compileProblemMessage('no_incoming', { element: '"Звонок" (call)' }) // '"Звонок" (call) has no incoming flow'
 */
export function compileProblemMessage(
  code: CompileProblemCode,
  params: Readonly<CompileProblemParams>,
): string {
  if (code === 'feel_syntax') {
    const subject = feelSubjectMessages[params.subject as FeelSubject];
    const filled = {
      ...params,
      subject: subject ? fillPlaceholders(subject, params) : (params.subject ?? ''),
    };
    return fillPlaceholders(compileProblemMessages.feel_syntax, filled);
  }
  return fillPlaceholders(compileProblemMessages[code], params);
}
