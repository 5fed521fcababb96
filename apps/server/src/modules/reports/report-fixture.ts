import type { Kysely } from 'kysely';
import type { Team } from '../../../test/test-app';
import type { DB } from '../../db/schema';

/**
 * A small sales department's March 2025 (Moscow time), written straight into the tables so that every
 * date is known; the numbers each report must show are worked out by hand in reports.test.ts.
 *
 * Deals (sales pipeline; stage history as listed, 10:00 each day unless said):
 *   D1 A 100 000 C1  created 03-03 Квалификация → 03-05 Подготовка КП → 03-06 Согласование КП → won 03-10 (from lead L3)
 *   D2 A  50 000 C2  created 03-04 Квалификация → 03-07 Подготовка КП → lost 03-12
 *   D3 B  40 000 C1  created 03-05 Квалификация → 03-06 Выявление потребностей (open since)
 *   D4 S  60 000 C3  created 03-10 Квалификация → 03-11 Подготовка КП → won 03-20
 *   D5 B  30 000 —   created 02-20 Квалификация → won 03-15
 *   D6 A  20 000 C2  created 02-03 Квалификация → won 02-10
 *   D7 B  10 000 C3  created 2024-12-01 → won 2024-12-15
 *   D8 B   5 000 C4  created 2024-06-01 → won 2024-06-10
 *   D9 B   8 000 C5  created 2024-11-01 → won 2024-11-05
 *   D10 A  7 000 C6  created 2025-01-10 → won 2025-01-20
 *
 * Regions: C1, C2, C4 Москва; C3 Санкт-Петербург; C5, C6 none. D5 has no company but a contact of C3
 * (created 2024-01-01). Leads: L1 Москва, L3 Санкт-Петербург, L2 and L4 none.
 */
/** The columns of sales by month, in the report's order, as the tests read its rows. */
export const monthlyKeys = [
  'month',
  'newClients',
  'wonDeals',
  'revenue',
  'averageCheck',
  'otherIncome',
  'expenses',
  'profit',
];

export interface ReportFixture {
  pipelineId: string;
  stages: Record<string, string>;
  deals: Record<string, string>;
  leads: Record<string, string>;
  companies: Record<string, string>;
  activities: { a0303calls: string[]; lateCall: string };
  tasks: Record<string, string>;
}

const msk = (day: string, time = '10:00') => new Date(`${day}T${time}:00+03:00`);

export async function seedReportFixture(db: Kysely<DB>, team: Team): Promise<ReportFixture> {
  const ws = team.workspaceId;
  const A = team.users.managerA.id;
  const B = team.users.managerB.id;
  const S = team.users.subManager.id;
  const pipeline = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', ws)
    .where('kind', '=', 'sales')
    .executeTakeFirstOrThrow();
  const stageRows = await db
    .selectFrom('stages')
    .select(['id', 'name'])
    .where('workspace_id', '=', ws)
    .where('pipeline_id', '=', pipeline.id)
    .execute();
  const stages = Object.fromEntries(stageRows.map((row) => [row.name, row.id]));
  const stage = {
    qualification: stages.Квалификация!,
    needs: stages['Выявление потребностей']!,
    proposal: stages['Подготовка КП']!,
    negotiation: stages['Согласование КП']!,
    won: stages['Сделка успешна']!,
    lost: stages['Сделка провалена']!,
  };

  const companies: Record<string, string> = {};
  for (const [key, responsible, region] of [
    ['C1', A, 'Москва'],
    ['C2', A, 'Москва'],
    ['C3', S, 'Санкт-Петербург'],
    ['C4', B, 'Москва'],
    ['C5', B, null],
    ['C6', A, null],
  ] as const) {
    const row = await db
      .insertInto('companies')
      .values({
        workspace_id: ws,
        name: `Клиент ${key}`,
        region,
        responsible_id: responsible,
        created_at: msk('2024-01-01'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    companies[key] = row.id;
  }

  const deals: Record<string, string> = {};
  const deal = async (
    key: string,
    responsible: string,
    amount: number,
    company: string | null,
    visits: [string, Date][],
  ) => {
    const [last, lastAt] = visits.at(-1)!;
    const kind = last === stage.won ? 'won' : last === stage.lost ? 'lost' : 'open';
    const row = await db
      .insertInto('deals')
      .values({
        workspace_id: ws,
        title: `Сделка ${key}`,
        pipeline_id: pipeline.id,
        stage_id: last,
        amount,
        responsible_id: responsible,
        company_id: company,
        contact_id: null,
        lead_id: null,
        source: null,
        lost_reason: kind === 'lost' ? 'Дорого' : null,
        probability: null,
        expected_close_date: null,
        closed_at: kind === 'open' ? null : lastAt,
        stage_entered_at: lastAt,
        created_by: responsible,
        created_at: visits[0]![1],
        updated_at: lastAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('deal_stage_history')
      .values(
        visits.map(([stageId, at], i) => ({
          workspace_id: ws,
          deal_id: row.id,
          pipeline_id: pipeline.id,
          stage_id: stageId,
          entered_at: at,
          exited_at: visits[i + 1]?.[1] ?? null,
          actor_id: responsible,
          override_comment: null,
        })),
      )
      .execute();
    deals[key] = row.id;
  };
  await deal('D1', A, 100_000, companies.C1!, [
    [stage.qualification, msk('2025-03-03')],
    [stage.proposal, msk('2025-03-05')],
    [stage.negotiation, msk('2025-03-06')],
    [stage.won, msk('2025-03-10')],
  ]);
  await deal('D2', A, 50_000, companies.C2!, [
    [stage.qualification, msk('2025-03-04')],
    [stage.proposal, msk('2025-03-07')],
    [stage.lost, msk('2025-03-12')],
  ]);
  await deal('D3', B, 40_000, companies.C1!, [
    [stage.qualification, msk('2025-03-05')],
    [stage.needs, msk('2025-03-06')],
  ]);
  await deal('D4', S, 60_000, companies.C3!, [
    [stage.qualification, msk('2025-03-10')],
    [stage.proposal, msk('2025-03-11')],
    [stage.won, msk('2025-03-20')],
  ]);
  await deal('D5', B, 30_000, null, [
    [stage.qualification, msk('2025-02-20')],
    [stage.won, msk('2025-03-15')],
  ]);
  await deal('D6', A, 20_000, companies.C2!, [
    [stage.qualification, msk('2025-02-03')],
    [stage.won, msk('2025-02-10')],
  ]);
  await deal('D7', B, 10_000, companies.C3!, [
    [stage.qualification, msk('2024-12-01')],
    [stage.won, msk('2024-12-15')],
  ]);
  await deal('D8', B, 5_000, companies.C4!, [
    [stage.qualification, msk('2024-06-01')],
    [stage.won, msk('2024-06-10')],
  ]);
  await deal('D9', B, 8_000, companies.C5!, [
    [stage.qualification, msk('2024-11-01')],
    [stage.won, msk('2024-11-05')],
  ]);
  await deal('D10', A, 7_000, companies.C6!, [
    [stage.qualification, msk('2025-01-10')],
    [stage.won, msk('2025-01-20')],
  ]);

  // D5's buyer: a person of C3, the deal itself names no company.
  const buyer = await db
    .insertInto('contacts')
    .values({
      workspace_id: ws,
      name: 'Покупатель D5',
      company_id: companies.C3!,
      responsible_id: B,
      created_at: msk('2024-01-01'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('deals').set({ contact_id: buyer.id }).where('id', '=', deals.D5!).execute();

  const leads: Record<string, string> = {};
  for (const [key, responsible, created, status, source, dealId, region] of [
    ['L1', A, msk('2025-03-03', '09:00'), 'in_work', 'site', null, 'Москва'],
    ['L2', A, msk('2025-03-04'), 'new', 'site', null, null],
    ['L3', B, msk('2025-03-03', '08:00'), 'converted', 'exhibition', deals.D1!, 'Санкт-Петербург'],
    ['L4', S, msk('2025-03-10', '08:00'), 'refused', null, null, null],
  ] as const) {
    const row = await db
      .insertInto('leads')
      .values({
        workspace_id: ws,
        title: `Лид ${key}`,
        contact_name: null,
        phone: null,
        email: null,
        source,
        region,
        status,
        responsible_id: responsible,
        created_by: responsible,
        created_at: created,
        deal_id: dealId,
        converted_at: dealId ? created : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    leads[key] = row.id;
  }
  await db.updateTable('deals').set({ lead_id: leads.L3! }).where('id', '=', deals.D1!).execute();

  const activity = async (
    kind: 'call' | 'meeting' | 'email' | 'note' | 'review',
    author: string,
    at: Date,
    entity: string,
    recordId: string,
    result: string | null = null,
  ) =>
    (
      await db
        .insertInto('activities')
        .values({
          workspace_id: ws,
          kind,
          subject: null,
          body: null,
          direction: null,
          duration_seconds: null,
          result,
          recording_url: null,
          occurred_at: at,
          entity,
          record_id: recordId,
          author_id: author,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const a0303calls = [
    await activity('call', A, msk('2025-03-03', '09:30'), 'deal', deals.D1!),
    await activity('call', A, msk('2025-03-03', '11:00'), 'lead', leads.L1!),
    await activity('call', A, msk('2025-03-03', '15:00'), 'deal', deals.D1!),
  ];
  await activity('email', A, msk('2025-03-03', '16:00'), 'deal', deals.D1!);
  await activity('email', A, msk('2025-03-03', '17:00'), 'deal', deals.D1!);
  await activity('note', A, msk('2025-03-03', '18:00'), 'deal', deals.D1!);
  await activity('call', A, msk('2025-03-04', '12:00'), 'deal', deals.D2!);
  await activity('meeting', A, msk('2025-03-04', '14:00'), 'deal', deals.D2!);
  const lateCall = await activity('call', A, msk('2025-03-31', '23:30'), 'deal', deals.D2!);
  await activity('call', A, msk('2025-04-01', '00:30'), 'deal', deals.D2!);
  await activity('call', B, msk('2025-03-03', '12:00'), 'lead', leads.L3!);
  await activity('call', B, msk('2025-03-03', '13:00'), 'deal', deals.D3!);
  await activity('meeting', B, msk('2025-03-05', '15:00'), 'deal', deals.D3!);
  await activity('call', S, msk('2025-03-10', '10:00'), 'lead', leads.L4!);
  await activity('meeting', S, msk('2025-03-11', '15:00'), 'deal', deals.D4!);
  await activity('review', S, msk('2025-03-22'), 'company', companies.C3!, 'negative');

  const tasks: Record<string, string> = {};
  for (const [key, assignee, due, done] of [
    ['T1', A, msk('2025-03-04'), msk('2025-03-05')],
    ['T2', A, msk('2025-03-20'), null],
    ['T3', A, msk('2025-03-07'), msk('2025-03-06')],
    ['T4', B, msk('2025-04-10'), null],
    ['T5', B, null, msk('2025-03-02')],
  ] as const) {
    const row = await db
      .insertInto('tasks')
      .values({
        workspace_id: ws,
        title: `Задача ${key}`,
        description: null,
        assignee_id: assignee,
        due_at: due,
        remind_at: null,
        reminded_at: null,
        recurrence: null,
        status: done ? 'done' : 'open',
        done_at: done,
        entity: null,
        record_id: null,
        created_by: assignee,
        created_at: msk('2025-03-01'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    tasks[key] = row.id;
  }

  for (const [responsible, created] of [
    [A, msk('2025-03-05')],
    [S, msk('2025-02-25')],
  ] as const) {
    await db
      .insertInto('contacts')
      .values({ workspace_id: ws, name: 'Контакт', responsible_id: responsible, created_at: created })
      .execute();
  }

  for (const [kind, status, amount, day, category] of [
    ['expense', 'actual', 15_000, '2025-02-14', 'Аренда'],
    ['expense', 'actual', 100_000, '2025-03-25', 'ФОТ'],
    ['expense', 'actual', 40_000, '2025-03-14', 'Аренда'],
    ['expense', 'planned', 500_000, '2025-03-30', 'Закупка'],
    ['income', 'actual', 999, '2025-03-15', 'Проценты'],
  ] as const) {
    await db
      .insertInto('finance_entries')
      .values({
        workspace_id: ws,
        kind,
        status,
        amount,
        occurred_on: day,
        category,
        line_of_business: null,
        counterparty: null,
        deal_id: null,
        comment: null,
        created_by: team.users.owner.id,
      })
      .execute();
  }

  return {
    pipelineId: pipeline.id,
    stages,
    deals,
    leads,
    companies,
    activities: { a0303calls, lateCall },
    tasks,
  };
}
