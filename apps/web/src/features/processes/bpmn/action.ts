import { type ProcessAction, processActions } from '@voronka/domain';
import { type BusinessObject, extensionOf, type ModdleFactory, replaceExtensions } from './business-object';

export type ActionParam = { name: string; expression: string };

/** What a service or send task runs: one whitelisted action with FEEL parameters. */
export type ActionSettings = {
  /** Empty while none is chosen (the engine refuses to publish then). */
  name: ProcessAction | '';
  resultVariable: string;
  params: ActionParam[];
};

/**
 * The parameters each action reads on the server, offered when the action is chosen. Actions added to
 * the engine later simply offer none.
 */
export const actionParams: Partial<Record<ProcessAction, string[]>> = {
  'crm.createRecord': ['entity', 'fields'],
  'crm.updateRecord': ['entity', 'id', 'fields'],
  'crm.createTask': ['title', 'assigneeId', 'dueAt', 'dealId'],
  'crm.changeResponsible': ['entity', 'id', 'responsibleId'],
  'crm.convertLead': ['leadId', 'dealTitle', 'pipelineId', 'amount'],
  notify: ['userIds', 'title', 'body', 'link'],
  'email.send': ['to', 'subject', 'text'],
  'variables.set': [],
  'webhook.call': ['url', 'method', 'body'],
  'hr.recordAbsence': ['userId', 'kind', 'startsOn', 'endsOn', 'hours', 'comment'],
  'org.members': ['users', 'departments'],
  'tasks.tally': ['element'],
};

export function readAction(task: BusinessObject): ActionSettings {
  const action = extensionOf(task, 'voronka:Action');
  const name = action?.name ?? '';
  return {
    name: processActions.includes(name as ProcessAction) ? (name as ProcessAction) : '',
    resultVariable: action?.resultVariable ?? '',
    params: (action?.params ?? []).map((param) => ({
      name: param.name ?? '',
      expression: param.expression ?? '',
    })),
  };
}

/** The task's new `bpmn:ExtensionElements` with this action (other extensions are kept). */
export function writeAction(
  moddle: ModdleFactory,
  task: BusinessObject,
  settings: ActionSettings,
): BusinessObject | undefined {
  if (!settings.name) return replaceExtensions(moddle, task, ['voronka:Action'], []);
  const params = settings.params.map((param) => moddle.create('voronka:Param', { ...param }));
  const action = moddle.create('voronka:Action', {
    name: settings.name,
    ...(settings.resultVariable.trim() && { resultVariable: settings.resultVariable.trim() }),
    params,
  });
  for (const param of params) param.$parent = action;
  return replaceExtensions(moddle, task, ['voronka:Action'], [action]);
}

/**
 * The parameters after choosing another action: the ones already written keep their expressions, the
 * new action's usual parameters are added empty.
 */
export function paramsForAction(action: ProcessAction, current: readonly ActionParam[]): ActionParam[] {
  const filled = current.filter((param) => param.expression.trim());
  const names = new Set(filled.map((param) => param.name));
  return [
    ...filled,
    ...(actionParams[action] ?? [])
      .filter((name) => !names.has(name))
      .map((name) => ({ name, expression: '' })),
  ];
}
