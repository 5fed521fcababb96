import type { Deal, Pipeline } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { testEngine } from '../../../test/test-database';
import type { DB } from '../../db/schema';

let t: TestApp;
let team: Team;
let head: Client;
let sales: Pipeline;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'totals');
  head = await signIn(t.app, team.users.head.email);
  sales = (await head.request('GET', '/api/pipelines')).json().items[0];
});

/** The kept totals must always equal a recount of the live deals. */
async function expectTotalsMatchDeals(): Promise<void> {
  const { rows } = await sql<{
    stage_id: string;
    responsible_id: string;
    kept: string;
    counted: string;
    kept_sum: string;
    counted_sum: string;
  }>`
    with counted as (
      select stage_id, coalesce(responsible_id, '00000000-0000-0000-0000-000000000000') as responsible_id, count(*) as n, sum(amount) as total
      from deals where workspace_id = ${team.workspaceId} and deleted_at is null group by 1, 2
    )
    select coalesce(k.stage_id, c.stage_id) as stage_id, coalesce(k.responsible_id, c.responsible_id) as responsible_id,
      coalesce(k.deals, 0)::text as kept, coalesce(c.n, 0)::text as counted,
      coalesce(k.amount, 0)::text as kept_sum, coalesce(c.total, 0)::text as counted_sum
    from (
      select stage_id, responsible_id, sum(deals) as deals, sum(amount) as amount from deal_stage_totals
      where workspace_id = ${team.workspaceId} group by 1, 2
    ) k
    full join counted c on c.stage_id = k.stage_id and c.responsible_id = k.responsible_id
    where coalesce(k.deals, 0) <> coalesce(c.n, 0) or coalesce(k.amount, 0) <> coalesce(c.total, 0)`.execute(
    t.database.db,
  );
  expect(rows).toEqual([]);
}

describe('kanban totals', () => {
  it('stay equal to a recount through every kind of change', async () => {
    const deal = (
      await head.request('POST', '/api/deals', { title: 'Счётчик', amount: 40_000 })
    ).json() as Deal;
    await expectTotalsMatchDeals();
    await head.request('PATCH', `/api/deals/${deal.id}`, {
      products: [{ name: 'Коробка', price: 100, quantity: 3 }],
    });
    await expectTotalsMatchDeals();
    await head.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: sales.stages[3]!.id,
      overrideComment: 'Проверка счётчиков',
    });
    await expectTotalsMatchDeals();
    await head.request('POST', '/api/deals/bulk', {
      action: 'assign',
      ids: [deal.id],
      responsibleId: team.users.managerB.id,
    });
    await expectTotalsMatchDeals();
    await head.request('POST', '/api/deals/bulk', { action: 'delete', ids: [deal.id] });
    await expectTotalsMatchDeals();
    await head.request('POST', `/api/deals/${deal.id}/restore`);
    await expectTotalsMatchDeals();
    await head.request('POST', `/api/deals/${deal.id}/lose`, { reason: 'Дорого' });
    await expectTotalsMatchDeals();
    await head.request('POST', '/api/deals/batch', {
      items: Array.from({ length: 30 }, (_, i) => ({
        title: `Пакет ${i}`,
        amount: i * 1000,
        responsibleId: i % 2 ? team.users.managerA.id : null,
      })),
    });
    await expectTotalsMatchDeals();
  });

  it('the board shows the same count and sum as the list, for every visibility', async () => {
    for (const user of [team.users.head, team.users.managerA, team.users.owner]) {
      const client = await signIn(t.app, user.email);
      const board = (await client.request('GET', `/api/deals/board?pipelineId=${sales.id}`)).json() as {
        columns: { stageId: string; count: number; sum: number }[];
      };
      const deals = (await client.request('GET', `/api/deals?pipelineId=${sales.id}&limit=500`)).json()
        .items as Deal[];
      for (const column of board.columns) {
        const inStage = deals.filter((d) => d.stageId === column.stageId);
        expect([column.count, column.sum], `${user.email} ${column.stageId}`).toEqual([
          inStage.length,
          inStage.reduce((sum, d) => sum + d.amount, 0),
        ]);
      }
    }
  });

  // One user's deals added at once from several connections: a single row per (stage, responsible)
  // made each transaction wait for the one before it to commit (migration 0033).
  it.skipIf(testEngine !== 'postgres')(
    'let two connections add a deal for one manager and stage at once, neither waiting for the other',
    async () => {
      const db = t.database.db;
      const slot = async (conn: Kysely<DB>) =>
        (await sql<{ slot: number }>`select pg_backend_pid() % 16 as slot`.execute(conn)).rows[0]!.slot;
      const addDeal = (trx: Kysely<DB>, title: string) =>
        sql`insert into deals (workspace_id, title, pipeline_id, stage_id, responsible_id, amount, created_by)
          values (${team.workspaceId}, ${title}, ${sales.id}, ${sales.stages[0]!.id}, ${team.users.managerA.id}, 1000,
            ${team.users.managerA.id})`.execute(trx);
      // Holds pooled connections until one's slot differs from the first's: two connections' pids
      // may share a slot, and those do wait for each other.
      async function otherSlot(first: number, tries: number, work: (conn: Kysely<DB>) => Promise<void>) {
        await db.connection().execute(async (conn) => {
          if ((await slot(conn)) !== first) return work(conn);
          if (tries === 0) throw new Error('No pooled connection with another slot');
          return otherSlot(first, tries - 1, work);
        });
      }
      await db.transaction().execute(async (first) => {
        await addDeal(first, 'Первая из двух');
        await otherSlot(await slot(first), 5, async (conn) => {
          await conn.transaction().execute(async (second) => {
            // Waiting for the first transaction's row lock would fail here instead of hanging.
            await sql`set local lock_timeout = '2s'`.execute(second);
            await addDeal(second, 'Вторая из двух');
          });
        });
      });
      await expectTotalsMatchDeals();
    },
  );
});
