import {
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
import type { Actor } from '../access/actor';
import { insertDeal, updateDealIn } from '../deals/deals.service';
import { publish } from '../events/event-bus';
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

type InlineAction = (trx: Trx, actor: Actor, params: Variables) => Promise<Variables>;

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
    const variables = await run(trx, actor, effect.params);
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
