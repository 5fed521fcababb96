import {
  ConvertLeadBody,
  CreateDealBody,
  CreateLeadBody,
  CreateTaskBody,
  type Effect,
  type ProcessAction,
  type ProcessEvent,
  UpdateDealBody,
  UpdateLeadBody,
  type Variables,
} from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/errors';
import { recordAbsence } from '../absences/absences.service';
import type { Actor } from '../access/actor';
import { insertDeal, updateDealIn } from '../deals/deals.service';
import { publish } from '../events/event-bus';
import { convertLead } from '../leads/convert-lead';
import { insertLead, updateLead } from '../leads/leads.service';
import { insertTask } from '../tasks/tasks.service';
import type { InstanceRow } from './instances.queries';
import { processActor } from './process-actor';

type Trx = Kysely<DB>;
type RunAction = Extract<Effect, { type: 'runAction' }>;

const RecordRef = z.object({ entity: z.enum(['deal', 'lead']), id: z.uuid() });
const CreateRecord = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('deal'), fields: CreateDealBody }),
  z.object({ entity: z.literal('lead'), fields: CreateLeadBody }),
]);
const UpdateRecord = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('deal'), id: z.uuid(), fields: UpdateDealBody }),
  z.object({ entity: z.literal('lead'), id: z.uuid(), fields: UpdateLeadBody }),
]);
const ChangeResponsible = RecordRef.extend({ responsibleId: z.uuid() });
const Notify = z.object({
  userIds: z.union([z.uuid(), z.array(z.uuid())]).transform((ids) => (Array.isArray(ids) ? ids : [ids])),
  title: z.string().min(1),
  body: z.string().optional(),
  link: z.string().optional(),
});
const ConvertLead = z.object({
  leadId: z.uuid(),
  dealTitle: z.string().nullish(),
  pipelineId: z.uuid().nullish(),
  amount: z.number().nullish(),
});
const idList = z
  .union([z.uuid(), z.array(z.uuid())])
  .nullish()
  .transform((ids) => (ids ? (Array.isArray(ids) ? ids : [ids]) : []));
const Members = z.object({ users: idList, departments: idList });
const Tally = z.object({ element: z.string().min(1) });

const recordKeys = { dealId: 'deal', leadId: 'lead', contactId: 'contact', companyId: 'company' } as const;

/** Process authors may link a task with `dealId` (or leadId, contactId, companyId) instead of entity + recordId. */
function taskBody(params: Variables): Variables {
  const { dealId, leadId, contactId, companyId, ...rest } = params;
  const links = { dealId, leadId, contactId, companyId };
  for (const [key, entity] of Object.entries(recordKeys)) {
    const id = links[key as keyof typeof links];
    if (id !== undefined && id !== null) return { ...rest, entity, recordId: id };
  }
  return rest;
}

/** The given people, then the active members of the given departments and their sub-departments, once each. */
async function membersOf(trx: Trx, workspaceId: string, users: string[], departments: string[]) {
  const inDepartments =
    departments.length === 0
      ? []
      : await sql<{ id: string }>`
          with recursive tree as (
            select id from departments where workspace_id = ${workspaceId} and id in (${sql.join(departments)})
            union
            select d.id from departments d join tree on d.parent_id = tree.id where d.workspace_id = ${workspaceId}
          )
          select u.id from users u
          where u.workspace_id = ${workspaceId} and u.active and u.department_id in (select id from tree)
          order by u.name`
          .execute(trx)
          .then((result) => result.rows.map((row) => row.id));
  const named =
    users.length === 0
      ? []
      : await trx
          .selectFrom('users')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', users)
          .where('active', '=', true)
          .execute()
          .then((rows) => users.filter((id) => rows.some((row) => row.id === id)));
  return [...new Set([...named, ...inDepartments])];
}

/**
 * Who started the instance and the head of their department, as variables: FEEL does not see the
 * instance's initiator, and templates address notifications and absences to them.
 */
async function initiatorOf(trx: Trx, instance: InstanceRow): Promise<Variables> {
  const user = instance.initiator_id
    ? await trx
        .selectFrom('users as u')
        .leftJoin('departments as d', 'd.id', 'u.department_id')
        .select(['u.id', 'u.name', 'd.head_id'])
        .where('u.workspace_id', '=', instance.workspace_id)
        .where('u.id', '=', instance.initiator_id)
        .executeTakeFirst()
    : undefined;
  return {
    initiatorId: user?.id ?? null,
    initiatorName: user?.name ?? null,
    initiatorHeadId: user?.head_id ?? null,
  };
}

/** Who did and who did not complete the user tasks of one step of this instance (a tally for the initiator). */
async function tallyTasks(trx: Trx, instance: InstanceRow, element: string): Promise<Variables> {
  const tasks = await trx
    .selectFrom('process_tasks')
    .select(['assignee_id', 'completed_by', 'status'])
    .where('workspace_id', '=', instance.workspace_id)
    .where('instance_id', '=', instance.id)
    .where('element_id', '=', element)
    .orderBy('created_at')
    .execute();
  const completed = tasks.filter((task) => task.status === 'completed');
  const missed = tasks.filter((task) => task.status !== 'completed');
  return {
    completed: completed.map((task) => task.assignee_id ?? task.completed_by),
    missed: missed.map((task) => task.assignee_id),
    completedCount: completed.length,
    total: tasks.length,
  };
}

/** `instance` is the row of the instance the action runs for (absences and tallies point back at it). */
type InlineAction = (trx: Trx, actor: Actor, params: Variables, instance: InstanceRow) => Promise<Variables>;

/**
 * Actions that change only our own database run inside the step's transaction: their changes commit
 * with the process state or not at all, so a crash can neither lose nor repeat them.
 */
const inline: Partial<Record<ProcessAction, InlineAction>> = {
  'variables.set': async (_trx, _actor, params) => params,
  'crm.createTask': async (trx, actor, params) => {
    const task = await insertTask(trx, actor, CreateTaskBody.parse(taskBody(params)));
    return { taskId: task.id };
  },
  'crm.createRecord': async (trx, actor, params) => {
    const input = CreateRecord.parse(params);
    const record =
      input.entity === 'deal'
        ? await insertDeal(trx, actor, input.fields)
        : await insertLead(trx, actor, input.fields);
    return { recordId: record.id, entity: input.entity };
  },
  'crm.updateRecord': async (trx, actor, params) => {
    const input = UpdateRecord.parse(params);
    if (input.entity === 'deal') await updateDealIn(trx, actor, input.id, input.fields);
    else await updateLead(trx, actor, input.id, input.fields);
    return {};
  },
  'crm.changeResponsible': async (trx, actor, params) => {
    const input = ChangeResponsible.parse(params);
    if (input.entity === 'deal')
      await updateDealIn(trx, actor, input.id, { responsibleId: input.responsibleId });
    else await updateLead(trx, actor, input.id, { responsibleId: input.responsibleId });
    return { responsibleId: input.responsibleId };
  },
  notify: async (trx, actor, params) => {
    const input = Notify.parse(params);
    await publish(trx, {
      workspaceId: actor.workspaceId,
      userIds: input.userIds,
      event: {
        type: 'notification',
        title: input.title,
        ...(input.body && { body: input.body }),
        ...(input.link && { link: input.link }),
      },
    });
    return {};
  },
  'crm.convertLead': async (trx, actor, params) => {
    const input = ConvertLead.parse(params);
    const deal = ConvertLeadBody.parse({
      deal: {
        ...(input.dealTitle && { title: input.dealTitle }),
        ...(input.pipelineId && { pipelineId: input.pipelineId }),
        ...(input.amount != null && { amount: input.amount }),
      },
    });
    const converted = await convertLead(trx, actor, input.leadId, deal);
    return { dealId: converted.dealId, contactId: converted.contactId, companyId: converted.companyId };
  },
  'hr.recordAbsence': async (trx, actor, params, instance) => {
    const absence = await recordAbsence(trx, actor, params, instance.id);
    return { absenceId: absence.id };
  },
  'org.initiator': async (trx, _actor, _params, instance) => initiatorOf(trx, instance),
  'org.members': async (trx, actor, params) => {
    const input = Members.parse(params);
    return { members: await membersOf(trx, actor.workspaceId, input.users, input.departments) };
  },
  'tasks.tally': async (trx, _actor, params, instance) => {
    const input = Tally.parse(params);
    return tallyTasks(trx, instance, input.element);
  },
};

export function isInlineAction(action: string): boolean {
  return action in inline;
}

/**
 * Runs an inline action inside a savepoint, so a refused change (bad parameters, a closed stage gate)
 * undoes only itself and comes back to the engine as a failed task: an error boundary catches it by
 * its code, or the token becomes an incident to fix and retry.
 */
export async function runInlineAction(trx: Trx, row: InstanceRow, effect: RunAction): Promise<ProcessEvent> {
  const run = inline[effect.action as ProcessAction];
  if (!run) throw new Error(`${effect.action} is not an inline action`);
  await sql`savepoint process_action`.execute(trx);
  try {
    const actor = await processActor(trx, row.workspace_id, row.initiator_id);
    const variables = await run(trx, actor, effect.params, row);
    await sql`release savepoint process_action`.execute(trx);
    return { type: 'completeTask', tokenId: effect.tokenId, variables };
  } catch (error) {
    await sql`rollback to savepoint process_action`.execute(trx);
    const { code, message } = describeFailure(error);
    return {
      type: 'failTask',
      tokenId: effect.tokenId,
      errorCode: code,
      message: `${effect.action}: ${message}`,
    };
  }
}

export function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return { code: 'invalid_params', message: `${issue?.path.join('.') || 'params'}: ${issue?.message}` };
  }
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'action_failed', message: error instanceof Error ? error.message : String(error) };
}
