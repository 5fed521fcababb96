import type { Kysely } from 'kysely';
import type { Actor } from '../../modules/access/actor';
import { createDefinition, publishDraft } from '../../modules/processes/definitions.service';
import { completeProcessTask } from '../../modules/processes/inbox.service';
import { startByHand } from '../../modules/processes/instances.service';
import type { Runtime } from '../../modules/processes/runtime';
import type { DB } from '../schema';
import type { DemoPeople } from './crm-history';

const day = 24 * 3600 * 1000;

/**
 * The demo's processes run only up to their next user task, which needs no job queue (it starts after
 * the seed). Should a template ever reach a timer or an e-mail this early, the seed fails loudly
 * instead of leaving an instance that never wakes up.
 */
const seedRuntime: Runtime = {
  jobs: {
    enqueue: async (_trx, jobs) => {
      if (jobs.length > 0)
        throw new Error(`The demo seed runs processes to user tasks only, not to ${jobs[0]!.queue}`);
    },
    cancel: async (_trx, _queue, ids) => {
      if (ids.length > 0) throw new Error('The demo seed cancels no jobs');
    },
    work: async () => {
      throw new Error('The demo seed works no queues');
    },
    stop: async () => undefined,
  },
  now: () => new Date(),
  notify: () => undefined,
};

/** A demo person acting through the services, as their own session would, seeing every record. */
async function actorOf(db: Kysely<DB>, workspaceId: string, userId: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'function', 'department_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    workspaceId,
    name: user.name,
    role: user.role,
    function: user.function,
    departmentId: user.department_id,
    visibility: 'all',
    via: 'session',
    sessionId: null,
    scopes: ['read', 'write', 'admin'],
  };
}

async function openTask(db: Kysely<DB>, instanceId: string, elementId: string): Promise<string> {
  const task = await db
    .selectFrom('process_tasks')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where('element_id', '=', elementId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return task.id;
}

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The inbox on first start: the lead-servicing and contract-approval templates published, and instances
 * waiting on demo records — new web leads for the head of sales to assign, clarifying calls for the
 * hunter, contracts for a closer to describe and for the head to approve. Records are chosen by fixed
 * order, so every seed looks the same; dates are relative to `now` like the rest of the demo.
 */
export async function seedProcesses(
  db: Kysely<DB>,
  workspaceId: string,
  people: DemoPeople,
  now = Date.now(),
): Promise<void> {
  const [owner, head, hunter, closer] = await Promise.all(
    [people.owner, people.head, people.hunter, people.closers[0]].map((id) => actorOf(db, workspaceId, id)),
  );
  const publish = async (template: string) => {
    const created = await createDefinition(db, owner!, { template });
    return publishDraft(db, owner!, created.id);
  };
  const leadServicing = await publish('lead-servicing');
  const contractApproval = await publish('contract-approval');

  // Four new leads: two wait for the head to assign them, two are with the hunter for the first call.
  const leads = await db
    .selectFrom('leads')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'new')
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('title')
    .limit(4)
    .execute();
  for (const [index, lead] of leads.entries()) {
    const instance = await startByHand(db, seedRuntime, head!, leadServicing.id, {
      entity: 'lead',
      recordId: lead.id,
      variables: {},
    });
    if (index < 2) continue;
    await completeProcessTask(db, seedRuntime, head!, await openTask(db, instance.id, 'assign'), {
      values: {
        responsible: hunter!.userId,
        deadline: isoDay(now + (index - 1) * day),
        comment: 'Клиент оставил заявку на сайте, перезвоните сегодня',
      },
    });
  }

  // The closer's two biggest open deals: one contract waits for the head's approval, one for its details.
  const deals = await db
    .selectFrom('deals as d')
    .innerJoin('stages as s', 's.id', 'd.stage_id')
    .select(['d.id', 'd.title', 'd.amount'])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.responsible_id', '=', closer!.userId)
    .where('s.kind', '=', 'open')
    .where('d.deleted_at', 'is', null)
    .orderBy('d.amount', 'desc')
    .orderBy('d.title')
    .limit(2)
    .execute();
  for (const [index, deal] of deals.entries()) {
    const instance = await startByHand(db, seedRuntime, closer!, contractApproval.id, {
      entity: 'deal',
      recordId: deal.id,
      variables: {},
    });
    if (index > 0) continue;
    await completeProcessTask(db, seedRuntime, closer!, await openTask(db, instance.id, 'describe'), {
      values: {
        contract: `Договор поставки: ${deal.title}`,
        amount: Number(deal.amount),
        clientEmail: 'zakupki@example.ru',
        approver: head!.userId,
      },
      comment: 'Прошу согласовать до конца недели',
    });
  }
}
