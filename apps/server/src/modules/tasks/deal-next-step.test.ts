import type { Deal, Task } from '@voronka/domain';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { oneTaskProcess, publishProcess } from '../../../test/processes';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { testEngine } from '../../../test/test-database';
import * as dealsWithoutNextStep from '../../db/migrations/0035-deals-without-next-step';

// The open deals without an open task have a table of their own (migration 0035), and the deals
// list, the card, the kanban and the start page read "no next step" from it. Triggers on tasks and on
// deals keep it; every test here compares it with the truth it stands for, the deal's row and its open
// tasks, however either changed.
let t: TestApp;
let team: Team;
let manager: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'next-step');
  manager = await signIn(t.app, team.users.managerA.email);
});

async function newDeal(title: string): Promise<Deal> {
  const response = await manager.request('POST', '/api/deals', { title });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function newTask(dealId: string, body: Record<string, unknown> = {}): Promise<Task> {
  const response = await manager.request('POST', '/api/tasks', {
    title: 'Перезвонить',
    entity: 'deal',
    recordId: dealId,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function complete(taskId: string): Promise<void> {
  const response = await manager.request('POST', `/api/tasks/${taskId}/complete`);
  expect(response.statusCode, response.body).toBe(200);
}

/** Whether the table lists the deal, beside the count of its open tasks taken from the tasks themselves. */
async function listedAndTruth(dealId: string) {
  const { rows } = await sql<{ listed: boolean; open_tasks: number }>`
    select exists (select 1 from deals_without_next_step b where b.deal_id = d.id) as listed,
      (select count(*)::int from tasks t
        where t.workspace_id = d.workspace_id and t.entity = 'deal' and t.record_id = d.id
          and t.status = 'open' and t.deleted_at is null) as open_tasks
    from deals d where d.id = ${dealId}`.execute(t.database.db);
  return rows[0]!;
}

/**
 * Deals of the team's workspace the table is wrong about: listed but closed, deleted or with an open
 * task; or open, live and without one but not listed; or listed under another person or stage entry.
 */
async function disagreements(): Promise<number> {
  const { rows } = await sql<{ wrong: number }>`
    with truth as (
      select d.workspace_id, d.id as deal_id, d.responsible_id, d.stage_entered_at from deals d
      where d.workspace_id = ${team.workspaceId} and d.deleted_at is null and d.closed_at is null
        and not exists (
          select 1 from tasks t
          where t.workspace_id = d.workspace_id and t.entity = 'deal' and t.record_id = d.id
            and t.status = 'open' and t.deleted_at is null))
    select count(*)::int as wrong
    from truth
    full join (select * from deals_without_next_step where workspace_id = ${team.workspaceId}) b
      using (workspace_id, deal_id)
    where truth.deal_id is null or b.deal_id is null
      or b.responsible_id is distinct from truth.responsible_id
      or b.stage_entered_at is distinct from truth.stage_entered_at`.execute(t.database.db);
  return rows[0]!.wrong;
}

afterEach(async () => {
  expect(await disagreements()).toBe(0);
});

/** What a person sees: the card's warning and whether the list's "no next step" filter finds it. */
async function warning(dealId: string) {
  const card = (await manager.request('GET', `/api/deals/${dealId}`)).json();
  const listed = (await manager.request('GET', '/api/deals?noNextStep=true&limit=500'))
    .json()
    .items.some((deal: Deal) => deal.id === dealId);
  return { card: card.noNextStep as boolean, listed };
}

describe('a deal has a next step', () => {
  it('from its first open task until its last one is done or deleted', async () => {
    const deal = await newDeal('Поставка коробов');
    expect(await listedAndTruth(deal.id)).toEqual({ listed: true, open_tasks: 0 });
    expect(await warning(deal.id)).toEqual({ card: true, listed: true });

    const call = await newTask(deal.id);
    const meeting = await newTask(deal.id, { title: 'Встреча' });
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 2 });
    expect(await warning(deal.id)).toEqual({ card: false, listed: false });

    await complete(call.id);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 1 });

    const deleted = await manager.request('DELETE', `/api/tasks/${meeting.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: true, open_tasks: 0 });
    expect(await warning(deal.id)).toEqual({ card: true, listed: true });
  });

  it('still has one after a recurring task is done: its next occurrence is open', async () => {
    const deal = await newDeal('Ежемесячная поставка');
    const monthly = await newTask(deal.id, {
      dueAt: '2026-12-07T09:00:00+03:00',
      recurrence: { frequency: 'monthly', interval: 1 },
    });
    await complete(monthly.id);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 1 });
  });

  it('follows a task reopened, restored, or moved to another deal in SQL', async () => {
    const from = await newDeal('Откуда');
    const to = await newDeal('Куда');
    const task = await newTask(from.id);
    const db = t.database.db;
    await db.updateTable('tasks').set({ record_id: to.id }).where('id', '=', task.id).execute();
    expect(await listedAndTruth(from.id)).toEqual({ listed: true, open_tasks: 0 });
    expect(await listedAndTruth(to.id)).toEqual({ listed: false, open_tasks: 1 });

    await db
      .updateTable('tasks')
      .set({ status: 'done', done_at: new Date() })
      .where('id', '=', task.id)
      .execute();
    expect(await listedAndTruth(to.id)).toEqual({ listed: true, open_tasks: 0 });
    await db.updateTable('tasks').set({ status: 'open', done_at: null }).where('id', '=', task.id).execute();
    expect(await listedAndTruth(to.id)).toEqual({ listed: false, open_tasks: 1 });

    await db.updateTable('tasks').set({ deleted_at: new Date() }).where('id', '=', task.id).execute();
    expect(await listedAndTruth(to.id)).toEqual({ listed: true, open_tasks: 0 });
    await db.updateTable('tasks').set({ deleted_at: null }).where('id', '=', task.id).execute();
    expect(await listedAndTruth(to.id)).toEqual({ listed: false, open_tasks: 1 });

    await db.deleteFrom('tasks').where('id', '=', task.id).execute();
    expect(await listedAndTruth(to.id)).toEqual({ listed: true, open_tasks: 0 });
  });

  it('is not touched by tasks on other records that happen to share an id', async () => {
    const deal = await newDeal('Чужие задачи');
    // A task on a lead whose record_id equals the deal's id: only deal tasks count.
    await t.database.db
      .insertInto('tasks')
      .values({
        workspace_id: team.workspaceId,
        title: 'Задача по лиду',
        assignee_id: team.users.managerA.id,
        entity: 'lead',
        record_id: deal.id,
      })
      .execute();
    expect(await listedAndTruth(deal.id)).toEqual({ listed: true, open_tasks: 0 });
  });

  it('is not a changed field to processes that watch fields', async () => {
    const owner = await signIn(t.app, team.users.owner.email);
    await publishProcess(owner, 'Следит за сделками', oneTaskProcess('watch-next-step'), 'deal', [
      { event: 'record.fieldChanged', conditions: { entity: 'deal', field: 'amount' } },
    ]);
    const deal = await newDeal('Без смены полей');
    // Read inside the transaction, before the worker can take the event away.
    const fields = await t.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('tasks')
        .values({
          workspace_id: team.workspaceId,
          title: 'Первый шаг',
          assignee_id: team.users.managerA.id,
          entity: 'deal',
          record_id: deal.id,
        })
        .execute();
      const events = await trx
        .selectFrom('process_trigger_events')
        .select('data')
        .where('record_id', '=', deal.id)
        .where('event', '=', 'record.fieldChanged')
        .execute();
      return events.flatMap((event) => (event.data as { fields: string[] }).fields);
    });
    expect(fields).toEqual([]);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 1 });
  });

  it('is filled in from the tasks already there when the migration runs', async () => {
    const withTask = await newDeal('Была задача');
    const without = await newDeal('Не было задачи');
    await newTask(withTask.id);
    const done = await newTask(without.id);
    await complete(done.id);
    await dealsWithoutNextStep.down(t.database.db as never);
    await dealsWithoutNextStep.up(t.database.db as never);
    expect(await listedAndTruth(withTask.id)).toEqual({ listed: false, open_tasks: 1 });
    expect(await listedAndTruth(without.id)).toEqual({ listed: true, open_tasks: 0 });
    // The triggers are back too.
    await newTask(without.id);
    expect(await listedAndTruth(without.id)).toEqual({ listed: false, open_tasks: 1 });
    expect(await listedAndTruth((await newDeal('После миграции')).id)).toEqual({
      listed: true,
      open_tasks: 0,
    });
  });
});

describe('a deal without a next step', () => {
  const db = () => t.database.db;
  const setDeal = (id: string, values: Record<string, unknown>) =>
    db().updateTable('deals').set(values).where('id', '=', id).execute();

  it('leaves the list when it is won or lost, and comes back when reopened', async () => {
    const deal = await newDeal('Закроется');
    const lost = await manager.request('POST', `/api/deals/${deal.id}/lose`, { reason: 'Дорого' });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 0 });
    expect(await warning(deal.id)).toEqual({ card: false, listed: false });

    await setDeal(deal.id, { closed_at: null, stage_id: deal.stageId });
    expect(await listedAndTruth(deal.id)).toEqual({ listed: true, open_tasks: 0 });
  });

  it('leaves it when deleted, and comes back when restored, unless it has an open task', async () => {
    const deal = await newDeal('В корзину');
    expect((await manager.request('DELETE', `/api/deals/${deal.id}`)).statusCode).toBe(200);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 0 });
    const restored = await manager.request('POST', `/api/deals/${deal.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: true, open_tasks: 0 });

    const busy = await newDeal('В корзину с задачей');
    await newTask(busy.id);
    await manager.request('DELETE', `/api/deals/${busy.id}`);
    await manager.request('POST', `/api/deals/${busy.id}/restore`);
    expect(await listedAndTruth(busy.id)).toEqual({ listed: false, open_tasks: 1 });
  });

  it('is listed under its new person and stage entry when reassigned or moved', async () => {
    const deal = await newDeal('Передана другому');
    const head = await signIn(t.app, team.users.head.email);
    const reassigned = await head.request('PATCH', `/api/deals/${deal.id}`, {
      responsibleId: team.users.managerB.id,
    });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    const listing = () =>
      db()
        .selectFrom('deals_without_next_step')
        .select(['responsible_id', 'stage_entered_at'])
        .where('deal_id', '=', deal.id)
        .executeTakeFirstOrThrow();
    expect(await listing()).toEqual({
      responsible_id: team.users.managerB.id,
      stage_entered_at: new Date(deal.stageEnteredAt),
    });
    const entered = new Date('2026-11-20T10:00:00Z');
    await setDeal(deal.id, { stage_entered_at: entered });
    expect(await listing()).toEqual({ responsible_id: team.users.managerB.id, stage_entered_at: entered });
  });

  it('leaves the list when the deal is erased', async () => {
    const deal = await newDeal('Стёрта');
    await db().deleteFrom('deals').where('id', '=', deal.id).execute();
    const left = await db()
      .selectFrom('deals_without_next_step')
      .select('deal_id')
      .where('deal_id', '=', deal.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('a closed deal stays off the list whatever happens to its tasks', async () => {
    const deal = await newDeal('Выиграна давно');
    const task = await newTask(deal.id);
    await setDeal(deal.id, { closed_at: new Date() });
    await complete(task.id);
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 0 });
  });
});

// Two sessions at once need a server: PGlite holds one connection.
describe.skipIf(testEngine === 'pglite')('two transactions at once', () => {
  type Session = { client: pg.Client; pid: number };
  async function session(): Promise<Session> {
    const client = new pg.Client({ connectionString: t.database.url ?? '' });
    await client.connect();
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await client.query('begin');
    return { client, pid };
  }
  const openTask = ({ client }: Session, dealId: string) =>
    client.query(
      `insert into tasks (workspace_id, title, assignee_id, entity, record_id)
       values ($1, 'Шаг', $2, 'deal', $3)`,
      [team.workspaceId, team.users.managerA.id, dealId],
    );
  const finish = ({ client }: Session, taskId: string) =>
    client.query(`update tasks set status = 'done', done_at = now() where id = $1`, [taskId]);

  /**
   * `first` changes the deal's tasks, then `second` does while `first` is still open; `first` commits
   * only once the server shows `second` waiting for its lock, so the two really overlap.
   */
  async function overlap(
    first: (s: Session) => Promise<unknown>,
    second: (s: Session) => Promise<unknown>,
  ): Promise<void> {
    const [a, b] = [await session(), await session()];
    try {
      await first(a);
      const waiting = second(b);
      let seen = false;
      for (let i = 0; i < 500 && !seen; i++) {
        const { rows } = await sql<{ waiting: boolean }>`
          select exists (
            select 1 from pg_stat_activity where pid = ${b.pid} and wait_event_type = 'Lock'
          ) as waiting`.execute(t.database.db);
        seen = rows[0]?.waiting ?? false;
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen, 'the second transaction waits for the first').toBe(true);
      await a.client.query('commit');
      await waiting;
      await b.client.query('commit');
    } finally {
      await Promise.all([a.client.end(), b.client.end()]);
    }
  }

  it('that finish the last two tasks leave the deal without a next step', async () => {
    const deal = await newDeal('Две задачи сразу');
    const [first, second] = [await newTask(deal.id), await newTask(deal.id)];
    await overlap(
      (a) => finish(a, first.id),
      (b) => finish(b, second.id),
    );
    expect(await listedAndTruth(deal.id)).toEqual({ listed: true, open_tasks: 0 });
  });

  it('one adding a task while the other finishes the last keep the next step', async () => {
    const deal = await newDeal('Новая задача вместо старой');
    const old = await newTask(deal.id);
    await overlap(
      (a) => openTask(a, deal.id),
      (b) => finish(b, old.id),
    );
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 1 });
  });

  it('one finishing the last task while the other adds one keep the next step', async () => {
    const deal = await newDeal('Старая задача раньше новой');
    const old = await newTask(deal.id);
    await overlap(
      (a) => finish(a, old.id),
      (b) => openTask(b, deal.id),
    );
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 1 });
  });

  const reassign = ({ client }: Session, dealId: string) =>
    client.query(`update deals set responsible_id = $2 where id = $1`, [dealId, team.users.managerB.id]);
  const close = ({ client }: Session, dealId: string) =>
    client.query(`update deals set closed_at = now() where id = $1`, [dealId]);

  it('one reassigning the deal while the other finishes its last task list it under the new person', async () => {
    const deal = await newDeal('Передают и закрывают задачу');
    const old = await newTask(deal.id);
    await overlap(
      (a) => reassign(a, deal.id),
      (b) => finish(b, old.id),
    );
    const row = await t.database.db
      .selectFrom('deals_without_next_step')
      .select('responsible_id')
      .where('deal_id', '=', deal.id)
      .executeTakeFirst();
    expect(row).toEqual({ responsible_id: team.users.managerB.id });
  });

  it('one finishing the last task while the other closes the deal leave it off the list', async () => {
    const deal = await newDeal('Задача и закрытие разом');
    const old = await newTask(deal.id);
    await overlap(
      (a) => finish(a, old.id),
      (b) => close(b, deal.id),
    );
    expect(await listedAndTruth(deal.id)).toEqual({ listed: false, open_tasks: 0 });
  });
});
