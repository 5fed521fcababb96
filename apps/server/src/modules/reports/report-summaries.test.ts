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
import type { DB } from '../../db/schema';

// The summaries of migration 0014 are kept by triggers. After every kind of write, each summary must
// equal a recount from the tables, written here from the reports' definitions (reports/README.md).

let t: TestApp;
let db: Kysely<DB>;
let team: Team;
let other: Team;
let owner: Client;
let managerA: Client;

/** What the summaries should hold, counted from the tables. */
async function recount(workspaceId: string) {
  const [hours, leads, companies] = await Promise.all([
    sql<{ row: string }>`
      select concat_ws('|', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24'), author_id, kind, count(*)) as row
      from activities
      where workspace_id = ${workspaceId} and author_id is not null and kind in ('call', 'meeting', 'email')
      group by date_trunc('hour', occurred_at at time zone 'UTC'), to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24'), author_id, kind
      order by 1`.execute(db),
    sql<{ row: string }>`
      select concat_ws('|', l.id, min(a.occurred_at)) as row
      from leads l join activities a on a.workspace_id = l.workspace_id and a.entity = 'lead' and a.record_id = l.id
      where l.workspace_id = ${workspaceId} and a.kind in ('call', 'meeting', 'email')
      group by l.id order by 1`.execute(db),
    sql<{ row: string }>`
      with touches as (
        select d.company_id, case when s.kind = 'won' then d.closed_at end as won_at,
          greatest(d.created_at, d.closed_at) as at
        from deals d
        join pipelines p on p.id = d.pipeline_id
        join stages s on s.id = d.stage_id
        where d.workspace_id = ${workspaceId} and d.deleted_at is null and d.company_id is not null
          and p.kind = 'sales'
        union all
        select a.record_id, null, a.occurred_at from activities a
        where a.workspace_id = ${workspaceId} and a.entity = 'company'
      )
      select concat_ws('|', company_id, coalesce(min(won_at)::text, '-'), max(at)) as row
      from touches group by company_id order by 1`.execute(db),
  ]);
  return {
    hours: hours.rows.map((row) => row.row),
    leads: leads.rows.map((row) => row.row),
    companies: companies.rows.map((row) => row.row),
  };
}

/** What the summaries hold. */
async function summaries(workspaceId: string) {
  const [hours, leads, companies] = await Promise.all([
    sql<{ row: string }>`
      select concat_ws('|', to_char(hour at time zone 'UTC', 'YYYY-MM-DD HH24'), author_id, kind, activities) as row
      from report_activity_hours where workspace_id = ${workspaceId} order by 1`.execute(db),
    sql<{ row: string }>`
      select concat_ws('|', lead_id, first_action_at) as row
      from report_lead_first_actions where workspace_id = ${workspaceId} order by 1`.execute(db),
    sql<{ row: string }>`
      select concat_ws('|', company_id, coalesce(first_won_at::text, '-'), last_touch_at) as row
      from report_company_touches where workspace_id = ${workspaceId} order by 1`.execute(db),
  ]);
  return {
    hours: hours.rows.map((row) => row.row),
    leads: leads.rows.map((row) => row.row),
    companies: companies.rows.map((row) => row.row),
  };
}

async function expectInStep(workspaceId = team.workspaceId) {
  const expected = await recount(workspaceId);
  expect(await summaries(workspaceId)).toEqual(expected);
  return expected;
}

async function ok<T>(response: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> {
  const done = await response;
  expect(done.statusCode, done.body).toBe(200);
  return done.json() as T;
}

const company = (name: string, responsibleId = team.users.managerA.id) =>
  ok<{ id: string }>(owner.request('POST', '/api/companies', { name, responsibleId }));
const deal = (title: string, companyId: string | null, amount = 1000) =>
  ok<{ id: string }>(owner.request('POST', '/api/deals', { title, companyId, amount }));
const activity = (kind: string, entity: string, recordId: string, occurredAt: string, client = owner) =>
  ok<{ id: string }>(client.request('POST', '/api/activities', { kind, entity, recordId, occurredAt }));

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  team = await createTeam(t, 'summaries');
  other = await createTeam(t, 'summaries-other');
  owner = await signIn(t.app, team.users.owner.email);
  managerA = await signIn(t.app, team.users.managerA.email);
});

describe('report summaries kept by triggers', () => {
  it('follow activities: create, edit date, kind, author and record, delete, in bulk', async () => {
    const acme = await company('Acme');
    const lead = await ok<{ id: string }>(
      owner.request('POST', '/api/leads', { title: 'Заявка с сайта', responsibleId: team.users.managerA.id }),
    );
    const call = await activity('call', 'company', acme.id, '2025-03-03T09:15:00+03:00');
    await activity('call', 'company', acme.id, '2025-03-03T09:45:00+03:00', managerA);
    await activity('meeting', 'lead', lead.id, '2025-03-04T12:00:00Z');
    const email = await activity('email', 'lead', lead.id, '2025-03-05T08:00:00Z', managerA);
    await activity('note', 'company', acme.id, '2025-03-06T10:00:00Z');
    const first = await expectInStep();
    expect(first.hours).toHaveLength(4);
    expect(first.leads).toEqual([`${lead.id}|2025-03-04 12:00:00+00`]);

    // Nothing in the application edits an activity yet; the triggers cover any path that will.
    await db
      .updateTable('activities')
      .set({ occurred_at: new Date('2025-03-02T23:30:00Z') })
      .where('id', '=', email.id)
      .execute();
    expect((await expectInStep()).leads).toEqual([`${lead.id}|2025-03-02 23:30:00+00`]);
    await db.updateTable('activities').set({ kind: 'meeting' }).where('id', '=', call.id).execute();
    await expectInStep();
    await db
      .updateTable('activities')
      .set({ author_id: team.users.managerB.id })
      .where('id', '=', call.id)
      .execute();
    await expectInStep();
    await db.updateTable('activities').set({ kind: 'note' }).where('id', '=', email.id).execute();
    expect((await expectInStep()).leads).toEqual([`${lead.id}|2025-03-04 12:00:00+00`]);
    await db.updateTable('activities').set({ subject: 'Только тема' }).where('entity', '=', 'lead').execute();
    await expectInStep();
    await db
      .updateTable('activities')
      .set({ record_id: acme.id, entity: 'company' })
      .where('entity', '=', 'lead')
      .execute();
    expect((await expectInStep()).leads).toEqual([]);
    await db.deleteFrom('activities').where('id', '=', call.id).execute();
    await expectInStep();

    // One statement writing many rows: several per hour, per author and per record.
    await sql`
      insert into activities (workspace_id, kind, entity, record_id, author_id, occurred_at)
      select ${team.workspaceId}, (array['call', 'meeting', 'email', 'note'])[1 + i % 4], 'company', ${acme.id},
        (array[${team.users.managerA.id}::uuid, ${team.users.managerB.id}::uuid, null])[1 + i % 3],
        timestamptz '2025-04-01 00:00:00Z' + i * interval '17 minutes'
      from generate_series(1, 300) as i`.execute(db);
    await expectInStep();
    await sql`update activities set occurred_at = occurred_at + interval '40 minutes'
      where workspace_id = ${team.workspaceId} and occurred_at >= '2025-04-01'`.execute(db);
    await expectInStep();
    await sql`delete from activities
      where workspace_id = ${team.workspaceId} and occurred_at >= '2025-04-02'`.execute(db);
    const bulk = await expectInStep();
    expect(bulk.hours.length).toBeGreaterThan(20);
  });

  it('follow deals: create, win, reassign, move between companies, delete, restore', async () => {
    const north = await company('Север');
    const south = await company('Юг');
    const sale = await deal('Поставка', north.id, 5000);
    await deal('Без компании', null);
    await expectInStep();
    await ok(owner.request('POST', `/api/deals/${sale.id}/win`, { overrideComment: 'Оплачено заранее' }));
    const won = await expectInStep();
    expect(won.companies.find((row) => row.startsWith(north.id))).not.toContain('|-|');
    await ok(owner.request('PATCH', `/api/deals/${sale.id}`, { responsibleId: team.users.managerA.id }));
    await expectInStep();
    await ok(owner.request('PATCH', `/api/deals/${sale.id}`, { companyId: south.id }));
    const moved = await expectInStep();
    // The north has no deal or activity left: nothing touches it.
    expect(moved.companies.some((row) => row.startsWith(north.id))).toBe(false);
    await ok(owner.request('DELETE', `/api/deals/${sale.id}`));
    const deleted = await expectInStep();
    expect(deleted.companies.some((row) => row.startsWith(south.id))).toBe(false);
    await ok(owner.request('POST', `/api/deals/${sale.id}/restore`));
    const restored = await expectInStep();
    expect(restored.companies.find((row) => row.startsWith(south.id))).not.toContain('|-|');
    // An older closing date lowers the first purchase; a hard delete (the benchmark's clean-up) recounts.
    await sql`update deals set closed_at = '2024-01-10T10:00:00Z', created_at = '2024-01-01T10:00:00Z'
      where id = ${sale.id}`.execute(db);
    await expectInStep();
    const spare = await deal('Лишняя', south.id);
    await db.deleteFrom('deal_stage_history').where('deal_id', '=', spare.id).execute();
    await db.deleteFrom('deal_products').where('deal_id', '=', spare.id).execute();
    await db.deleteFrom('deals').where('id', '=', spare.id).execute();
    await expectInStep();
  });

  it('follow merges of companies and contacts, which move deals and activities', async () => {
    const survivor = await company('Ромашка');
    const source = await company('Ромашка ООО');
    const sale = await deal('Крупная', source.id, 90_000);
    await ok(owner.request('POST', `/api/deals/${sale.id}/win`, { overrideComment: 'Подписан договор' }));
    await activity('meeting', 'company', source.id, '2026-01-15T10:00:00Z');
    await activity('call', 'company', survivor.id, '2025-12-01T10:00:00Z');
    const contact = await ok<{ id: string }>(owner.request('POST', '/api/contacts', { name: 'Иван' }));
    const twin = await ok<{ id: string }>(owner.request('POST', '/api/contacts', { name: 'Иван П.' }));
    await activity('call', 'contact', twin.id, '2026-01-16T10:00:00Z');
    await expectInStep();
    await ok(owner.request('POST', `/api/companies/${survivor.id}/merge`, { sourceId: source.id }));
    const merged = await expectInStep();
    expect(merged.companies.some((row) => row.startsWith(source.id))).toBe(false);
    expect(merged.companies.find((row) => row.startsWith(survivor.id))).not.toContain('|-|');
    await ok(owner.request('POST', `/api/contacts/${contact.id}/merge`, { sourceId: twin.id }));
    await expectInStep();
  });

  it('follow a stage or pipeline that changes kind, and a workspace that is deleted', async () => {
    const buyer = await company('Покупатель');
    const sale = await deal('Повторная', buyer.id);
    const { stage_id: stageId, pipeline_id: pipelineId } = await db
      .selectFrom('deals')
      .select(['stage_id', 'pipeline_id'])
      .where('id', '=', sale.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('deals')
      .set({ closed_at: new Date('2025-06-01T00:00:00Z') })
      .where('id', '=', sale.id)
      .execute();
    await db.updateTable('stages').set({ kind: 'won' }).where('id', '=', stageId).execute();
    expect((await expectInStep()).companies.find((row) => row.startsWith(buyer.id))).not.toContain('|-|');
    await db.updateTable('pipelines').set({ kind: 'fulfilment' }).where('id', '=', pipelineId).execute();
    const fulfilment = await expectInStep();
    expect(fulfilment.companies.some((row) => row.startsWith(buyer.id))).toBe(false);
    await db.updateTable('pipelines').set({ kind: 'sales' }).where('id', '=', pipelineId).execute();
    await db.updateTable('stages').set({ kind: 'open' }).where('id', '=', stageId).execute();
    await expectInStep();

    // The other workspace has summaries too; deleting it cascades through the triggers without a trace.
    const otherOwner = await signIn(t.app, other.users.owner.email);
    const theirs = await ok<{ id: string }>(otherOwner.request('POST', '/api/companies', { name: 'Чужая' }));
    await ok(otherOwner.request('POST', '/api/deals', { title: 'Чужая сделка', companyId: theirs.id }));
    await ok(
      otherOwner.request('POST', '/api/activities', { kind: 'call', entity: 'company', recordId: theirs.id }),
    );
    expect((await expectInStep(other.workspaceId)).hours).toHaveLength(1);
    await sql`delete from workspaces where id = ${other.workspaceId}`.execute(db);
    expect(await summaries(other.workspaceId)).toEqual({ hours: [], leads: [], companies: [] });
    await expectInStep();
  });

  it('give daily counts by the hour in whole-hour zones and by the activity in others', async () => {
    const target = await company('Часовые пояса');
    const managerId = team.users.managerA.id;
    for (const [kind, at] of [
      ['call', '2025-05-10T18:20:00Z'],
      ['call', '2025-05-10T18:40:00Z'],
      ['meeting', '2025-05-10T21:10:00Z'],
      ['email', '2025-05-11T02:00:00Z'],
    ] as const)
      await sql`insert into activities (workspace_id, kind, entity, record_id, author_id, occurred_at)
        values (${team.workspaceId}, ${kind}, 'company', ${target.id}, ${managerId}, ${at})`.execute(db);
    await expectInStep();
    const daily = async (timezone: string) => {
      const table = await ok<{ rows: { cells: Record<string, unknown> }[] }>(
        owner.request(
          'GET',
          `/api/reports/activity-daily?from=2025-05-10&to=2025-05-11&timezone=${timezone}`,
        ),
      );
      return table.rows.map(({ cells }) => [
        cells.day,
        cells.managerId,
        cells.calls,
        cells.meetings,
        cells.emails,
      ]);
    };
    // Moscow, UTC+3: 21:20 and 21:40 on the 10th; 00:10 and 05:00 on the 11th.
    expect(await daily('Europe/Moscow')).toEqual([
      ['2025-05-10', managerId, 2, 0, 0],
      ['2025-05-11', managerId, 0, 1, 1],
    ]);
    // Kolkata (Asia/Calcutta to ICU), UTC+5:30: 23:50 on the 10th; 00:10, 02:40 and 07:30 on the 11th. The hour 18:00–19:00 UTC
    // spans its midnight, so these counts come from the activities themselves.
    expect(await daily('Asia/Calcutta')).toEqual([
      ['2025-05-10', managerId, 1, 0, 0],
      ['2025-05-11', managerId, 1, 1, 1],
    ]);
  });
});
