import { type AssigneeKind, assigneeKinds, type FormFieldType, formFieldTypes } from '@voronka/domain';
import { type BusinessObject, extensionOf, type ModdleFactory, replaceExtensions } from './business-object';

export const approvalRules = ['all', 'any', 'majority'] as const;
export type ApprovalRule = (typeof approvalRules)[number];

export type FormOption = { value: string; label: string };

export type FormFieldSettings = {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: FormOption[];
};

/** What the properties panel edits on a user task, as plain data. */
export type UserTaskSettings = {
  /** `null`: the process's initiator gets the task (the engine's default). */
  assignee: { kind: AssigneeKind; value: string } | null;
  /** FEEL; empty for no due date. */
  dueDate: string;
  form: FormFieldSettings[];
  approval: { rule: ApprovalRule; vote: string; result: string } | null;
};

export type MultiInstanceSettings = {
  /** FEEL yielding the list of items (usually people). */
  collection: string;
  /** The variable each task's item goes into. */
  elementVariable: string;
  sequential: boolean;
};

const userTaskTypes = ['voronka:Assignee', 'voronka:DueDate', 'voronka:Form', 'voronka:Approval'];

const asAssigneeKind = (kind: string | undefined): AssigneeKind =>
  assigneeKinds.includes(kind as AssigneeKind) ? (kind as AssigneeKind) : 'user';
const asFieldType = (type: string | undefined): FormFieldType =>
  formFieldTypes.includes(type as FormFieldType) ? (type as FormFieldType) : 'text';
const asRule = (rule: string | undefined): ApprovalRule =>
  approvalRules.includes(rule as ApprovalRule) ? (rule as ApprovalRule) : 'all';

/** A user task's `voronka:` settings, with defaults for what is missing. */
export function readUserTask(task: BusinessObject): UserTaskSettings {
  const assignee = extensionOf(task, 'voronka:Assignee');
  const dueDate = extensionOf(task, 'voronka:DueDate');
  const form = extensionOf(task, 'voronka:Form');
  const approval = extensionOf(task, 'voronka:Approval');
  return {
    assignee: assignee ? { kind: asAssigneeKind(assignee.kind), value: assignee.value ?? '' } : null,
    dueDate: dueDate?.expression ?? '',
    form: (form?.fields ?? []).map((field) => ({
      id: field.id ?? '',
      label: field.label ?? '',
      type: asFieldType(field.type),
      required: field.required === true,
      options: (field.options ?? []).map((option) => ({
        value: option.value ?? '',
        label: option.label ?? '',
      })),
    })),
    approval: approval
      ? { rule: asRule(approval.rule), vote: approval.vote ?? '', result: approval.result ?? '' }
      : null,
  };
}

/**
 * The user task's new `bpmn:ExtensionElements` for these settings; other extensions are kept.
 *
 * @example modeling.updateProperties(shape, { extensionElements: writeUserTask(moddle, task, settings) })
 */
export function writeUserTask(
  moddle: ModdleFactory,
  task: BusinessObject,
  settings: UserTaskSettings,
): BusinessObject | undefined {
  const added: BusinessObject[] = [];
  if (settings.assignee) {
    const { kind, value } = settings.assignee;
    added.push(
      moddle.create('voronka:Assignee', kind === 'initiator' || !value ? { kind } : { kind, value }),
    );
  }
  if (settings.dueDate.trim()) {
    added.push(moddle.create('voronka:DueDate', { expression: settings.dueDate.trim() }));
  }
  if (settings.form.length > 0) {
    const fields = settings.form.map((field) => {
      const options = field.type === 'select' ? field.options.map((option) => ({ ...option })) : [];
      const created = moddle.create('voronka:Field', {
        id: field.id,
        ...(field.label && { label: field.label }),
        type: field.type,
        ...(field.required && { required: true }),
        options: options.map((option) => moddle.create('voronka:Option', option)),
      });
      for (const option of created.options ?? []) option.$parent = created;
      return created;
    });
    const form = moddle.create('voronka:Form', { fields });
    for (const field of fields) field.$parent = form;
    added.push(form);
  }
  if (settings.approval) added.push(moddle.create('voronka:Approval', { ...settings.approval }));
  return replaceExtensions(moddle, task, userTaskTypes, added);
}

/** The task's multi-instance settings, or `null` when it runs once. */
export function readMultiInstance(task: BusinessObject): MultiInstanceSettings | null {
  const loop = task.loopCharacteristics;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return null;
  return {
    collection: loop.collection ?? '',
    elementVariable: loop.elementVariable ?? '',
    sequential: loop.isSequential === true,
  };
}

/** The loop's attributes for the settings; empty texts clear theirs. */
export function multiInstanceProperties(settings: MultiInstanceSettings): Record<string, unknown> {
  return {
    isSequential: settings.sequential,
    collection: settings.collection.trim() || undefined,
    elementVariable: settings.elementVariable.trim() || undefined,
  };
}

/** New loop characteristics for the settings (`undefined` removes multi-instance). */
export function writeMultiInstance(
  moddle: ModdleFactory,
  settings: MultiInstanceSettings | null,
): BusinessObject | undefined {
  if (!settings) return undefined;
  const properties = multiInstanceProperties(settings);
  for (const key of Object.keys(properties)) if (properties[key] === undefined) delete properties[key];
  return moddle.create('bpmn:MultiInstanceLoopCharacteristics', properties);
}

/** A field id that no other field of the form uses: `field1`, `field2`… */
export function nextFieldId(form: readonly FormFieldSettings[]): string {
  const taken = new Set(form.map((field) => field.id));
  let number = form.length + 1;
  while (taken.has(`field${number}`)) number += 1;
  return `field${number}`;
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveItem<Item>(items: readonly Item[], index: number, by: -1 | 1): Item[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}
