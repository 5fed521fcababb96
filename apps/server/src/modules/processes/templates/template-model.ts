import type {
  ApprovalRule,
  AssigneeKind,
  FormFieldType,
  ProcessAction,
  ProcessRunsOn,
  TaskDecision,
} from '@voronka/domain';

export type TemplateLocale = 'ru' | 'en';
/** A label, or a FEEL expression that speaks to people, in each language a template ships in. */
export interface Text {
  ru: string;
  en: string;
}

export interface TemplateField {
  id: string;
  type: FormFieldType;
  label: Text;
  required?: boolean;
  options?: { value: string; label: Text }[];
}

interface NodeBase {
  id: string;
  name?: Text;
}

export type TemplateNode = NodeBase &
  (
    | { type: 'start' }
    | { type: 'end' }
    | {
        type: 'userTask';
        assignee: { kind: AssigneeKind; value?: string };
        dueDate?: string;
        form?: TemplateField[];
        /** An approval task: the decisions it offers; the choice lands in `decision`. */
        decisions?: TaskDecision[];
        multiInstance?: {
          /** FEEL yielding the list; a `Text` when the list itself is words for people. */
          collection: string | Text;
          elementVariable: string;
          sequential?: boolean;
          approval?: { rule: ApprovalRule; vote: string; result: string };
        };
      }
    | {
        type: 'serviceTask' | 'sendTask';
        action: ProcessAction;
        /** Parameter → FEEL; a `Text` when the expression holds words for people. */
        params: Record<string, string | Text>;
        resultVariable?: string;
      }
    | { type: 'exclusive' }
    | { type: 'parallel' }
    /** An intermediate timer: wait until a date (`until`) or for a duration (`wait`), both FEEL. */
    | { type: 'timer'; until?: string; wait?: string }
    /** An interrupting timer on the edge of a task: fires at `until` (FEEL) while the task runs. */
    | { type: 'boundaryTimer'; attachedTo: string; until: string }
  );

export interface TemplateFlow {
  from: string;
  to: string;
  /** FEEL; flows out of an exclusive gateway need one unless they are the `otherwise` flow. */
  when?: string;
  otherwise?: boolean;
  name?: Text;
}

export interface ProcessTemplateDefinition {
  key: string;
  category: 'sales' | 'documents' | 'finance' | 'hr';
  /** The kind of record it runs on; null: started without one. */
  runsOn: ProcessRunsOn | null;
  name: Text;
  description: Text;
  nodes: TemplateNode[];
  flows: TemplateFlow[];
}

/** Shorthands that keep the template files close to the diagrams they describe. */
export const text = (ru: string, en: string): Text => ({ ru, en });

export function field(
  id: string,
  type: FormFieldType,
  label: Text,
  options: { required?: boolean; choices?: [string, Text][] } = {},
): TemplateField {
  return {
    id,
    type,
    label,
    ...(options.required && { required: true }),
    ...(options.choices && { options: options.choices.map(([value, label]) => ({ value, label })) }),
  };
}

/** A select field whose choices are values with labels. */
export const choice = (id: string, label: Text, choices: [string, Text][], required = true) =>
  field(id, 'select', label, { required, choices });

export const flow = (from: string, to: string, more: Omit<TemplateFlow, 'from' | 'to'> = {}) => ({
  from,
  to,
  ...more,
});
