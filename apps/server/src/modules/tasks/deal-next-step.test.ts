import type { Deal, Task } from '@voronka/domain';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
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
import * as dealNextStep from '../../db/migrations/0034-deal-next-step';

// deals.has_next_step (migration 0034) is what the deals list, the card, the kanban and the start
// page read "no next step" from. A trigger on tasks keeps it; every test here compares it with the
// truth it stands for, the deal's open tasks, however the tasks changed.
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

/** The stored flag beside what it stands for, counted from the tasks themselves. */
async function flagAndTruth(dealId: string) {
  const { rows } = await sql<{ flag: boolean; open_tasks: number }>`
    select d.has_next_step as flag,
      (select count(*)::int from tasks t
        where t.workspace_id = d.workspace_id and t.entity = 'deal' and t.record_id = d.id
          and t.status = 'open' and t.deleted_at is null) as open_tasks
    from deals d where d.id = ${dealId}`.execute(t.database.db);
  return rows[0]!;
}

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
    expect(await flagAndTruth(deal.id)).toEqual({ flag: false, open_tasks: 0 });
    expect(await warning(deal.id)).toEqual({ card: true, listed: true });

    const call = await newTask(deal.id);
    const meeting = await newTask(deal.id, { title: 'Встреча' });
    expect(await flagAndTruth(deal.id)).toEqual({ flag: true, open_tasks: 2 });
    expect(await warning(deal.id)).toEqual({ card: false, listed: false });

    await complete(call.id);
    expect(await flagAndTruth(deal.id)).toEqual({ flag: true, open_tasks: 1 });

    const deleted = await manager.request('DELETE', `/api/tasks/${meeting.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await flagAndTruth(deal.id)).toEqual({ flag: false, open_tasks: 0 });
    expect(await warning(deal.id)).toEqual({ card: true, listed: true });
  });

  it('still has one after a recurring task is done: its next occurrence is open', async () => {
    const deal = await newDeal('Ежемесячная поставка');
    const monthly = await newTask(deal.id, {
      dueAt: '2026-12-07T09:00:00+03:00',
      recurrence: { frequency: 'monthly', interval: 1 },
    });
    await complete(monthly.id);
    expect(await flagAndTruth(deal.id)).toEqual({ flag: true, open_tasks: 1 });
  });

  it('follows a task reopened, restored, or moved to another deal in SQL', async () => {
    const from = await newDeal('Откуда');
    const to = await newDeal('Куда');
    const task = await newTask(from.id);
    const db = t.database.db;
    await db.updateTable('tasks').set({ record_id: to.id }).where('id', '=', task.id).execute();
    expect(await flagAndTruth(from.id)).toEqual({ flag: false, open_tasks: 0 });
    expect(await flagAndTruth(to.id)).toEqual({ flag: true, open_tasks: 1 });

    await db
      .updateTable('tasks')
      .set({ status: 'done', done_at: new Date() })
      .where('id', '=', task.id)
      .execute();
    expect(await flagAndTruth(to.id)).toEqual({ flag: false, open_tasks: 0 });
    await db.updateTable('tasks').set({ status: 'open', done_at: null }).where('id', '=', task.id).execute();
    expect(await flagAndTruth(to.id)).toEqual({ flag: true, open_tasks: 1 });

    await db.updateTable('tasks').set({ deleted_at: new Date() }).where('id', '=', task.id).execute();
    expect(await flagAndTruth(to.id)).toEqual({ flag: false, open_tasks: 0 });
    await db.updateTable('tasks').set({ deleted_at: null }).where('id', '=', task.id).execute();
    expect(await flagAndTruth(to.id)).toEqual({ flag: true, open_tasks: 1 });

    await db.deleteFrom('tasks').where('id', '=', task.id).execute();
    expect(await flagAndTruth(to.id)).toEqual({ flag: false, open_tasks: 0 });
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
    expect(await flagAndTruth(deal.id)).toEqual({ flag: false, open_tasks: 0 });
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
    expect(await flagAndTruth(deal.id)).toEqual({ flag: true, open_tasks: 1 });
  });

  it('is filled in from the tasks already there when the migration runs', async () => {
    const withTask = await newDeal('Была задача');
    const without = await newDeal('Не было задачи');
    await newTask(withTask.id);
    const done = await newTask(without.id);
    await complete(done.id);
    await dealNextStep.down(t.database.db as never);
    await dealNextStep.up(t.database.db as never);
    expect(await flagAndTruth(withTask.id)).toEqual({ flag: true, open_tasks: 1 });
    expect(await flagAndTruth(without.id)).toEqual({ flag: false, open_tasks: 0 });
    // The trigger is back too.
    await newTask(without.id);
    expect(await flagAndTruth(without.id)).toEqual({ flag: true, open_tasks: 1 });
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
    expect(await flagAndTruth(deal.id)).toEqual({ flag: false, open_tasks: 0 });
  });

  it('one adding a task while the other finishes the last keep the next step', async () => {
    const deal = await newDeal('Новая задача вместо старой');
    const old = await newTask(deal.id);
    await overlap(
      (a) => openTask(a, deal.id),
      (b) => finish(b, old.id),
    );
    expect(await flagAndTruth(deal.id)).toEqual({ flag: true, open_tasks: 1 });
  });

  it('one finishing the last task while the other adds one keep the next step', async () => {
    const deal = await newDeal('Старая задача раньше новой');
    const old = await newTask(deal.id);
    await overlap(
      (a) => finish(a, old.id),
      (b) => openTask(b, deal.id),
    );
    expect(await flagAndTruth(deal.id)).toEqual({ flag: true, open_tasks: 1 });
  });
});
