import type { AbsenceKind } from '@voronka/domain';
import { field, type TemplateField, type TemplateNode, type Text, text } from './template-model';

/** Steps and fields several templates share. */

export const initiator = { kind: 'initiator' } as const;
/** The head of the initiator's department (a value that is not a department id means "the initiator's"). */
export const headOfInitiator = { kind: 'departmentHead', value: 'initiator' } as const;
export const role = (value: string) => ({ kind: 'role', value }) as const;
export const person = (variable: string) => ({ kind: 'variable', value: variable }) as const;

export const commentField = field('comment', 'textarea', text('Комментарий', 'Comment'));

/** An approval task's decisions (buttons in the inbox); the choice lands in the variable `decision`. */
export const approveOrReject = { decisions: ['approve', 'reject'] } satisfies Partial<UserTaskNode>;

export const approveOrRevise = (withReject: boolean) =>
  ({
    decisions: withReject ? ['approve', 'revise', 'reject'] : ['approve', 'revise'],
  }) satisfies Partial<UserTaskNode>;

export const startsOn = field('startsOn', 'date', text('С', 'From'), { required: true });
export const endsOn = field('endsOn', 'date', text('По', 'To'), { required: true });

type UserTaskNode = Extract<TemplateNode, { type: 'userTask' }>;

export function userTask(
  id: string,
  name: Text,
  assignee: UserTaskNode['assignee'],
  form: TemplateField[],
  more: Partial<UserTaskNode> = {},
): TemplateNode {
  return { id, name, type: 'userTask', assignee, form, ...more };
}

/** A notification to one person (a FEEL expression yielding a user id) or a list of them. */
export function notify(id: string, name: Text, userIds: string, title: Text, link?: string): TemplateNode {
  return {
    id,
    name,
    type: 'sendTask',
    action: 'notify',
    params: { userIds, title, ...(link && { link }) },
  };
}

/** Writes the initiator's (or `who`'s) absence into the team chart. */
export function recordAbsence(
  id: string,
  kind: AbsenceKind | { expression: string },
  more: { who?: string; endsOn?: string; hours?: string } = {},
): TemplateNode {
  return {
    id,
    name: text('Записать в график отсутствий', 'Record in the absence chart'),
    type: 'serviceTask',
    action: 'hr.recordAbsence',
    params: {
      userId: more.who ?? 'initiatorId',
      kind: typeof kind === 'string' ? `"${kind}"` : kind.expression,
      startsOn: 'startsOn',
      endsOn: more.endsOn ?? 'endsOn',
      ...(more.hours && { hours: more.hours }),
      comment: 'comment',
    },
  };
}

export const start = (name = text('Заявка', 'Request')): TemplateNode => ({
  id: 'start',
  type: 'start',
  name,
});
export const end = (id: string, name: Text): TemplateNode => ({ id, type: 'end', name });
export const exclusive = (id: string, name?: Text): TemplateNode => ({
  id,
  type: 'exclusive',
  ...(name && { name }),
});
export const parallel = (id: string): TemplateNode => ({ id, type: 'parallel' });

/** Looks up the initiator and their head into `initiatorId` and `initiatorHeadId`. */
export const whoAsks = (): TemplateNode => ({
  id: 'whoAsks',
  name: text('Заявитель', 'Requester'),
  type: 'serviceTask',
  action: 'org.initiator',
  params: {},
});
