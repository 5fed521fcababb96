import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { type ActivityWindow, countedActivities } from './activity-hours';
import type { ProposalStages } from './proposal-stages';

/** What motivation points and leaderboards count, per person, over a period. */
export interface ActionCounts {
  call: number;
  meeting: number;
  email: number;
  /** Deals entering the proposal stage. */
  proposal: number;
  /** Deals entering the negotiation stage (the one after the proposal). */
  negotiation: number;
  dealWon: number;
  newContact: number;
  /** The sum of the won deals, roubles. */
  sales: number;
}

export const noActions = (): ActionCounts => ({
  call: 0,
  meeting: 0,
  email: 0,
  proposal: 0,
  negotiation: 0,
  dealWon: 0,
  newContact: 0,
  sales: 0,
});

export interface ActionWindow extends ActivityWindow {
  stages: ProposalStages;
}

/**
 * Each person's actions in one pass per table: activities by author (from the hourly summary when the
 * window says it is `byHour`), stage entries and won sales deals by the deal's responsible person,
 * contacts by theirs.
 */
export async function actionCounts(db: Kysely<DB>, window: ActionWindow): Promise<Map<string, ActionCounts>> {
  const { workspaceId: ws, start, end, stages } = window;
  const { rows } = await sql<{ user_id: string; action: keyof ActionCounts; value: string }>`
    select a.author_id as user_id, a.kind as action, sum(a.activities)::numeric as value
    from (${countedActivities(window)}) as a
    group by 1, 2
    union all
    select h.deal_responsible_id, case when h.stage_id = any(${stages.proposal}::uuid[]) then 'proposal' else 'negotiation' end,
      count(*)::numeric
    from deal_stage_history h
    where h.workspace_id = ${ws} and h.stage_id = any(${[...stages.proposal, ...stages.negotiation]}::uuid[])
      and h.entered_at >= ${start} and h.entered_at < ${end}
      and h.deal_responsible_id is not null and ${window.people('h.deal_responsible_id')}
    group by 1, 2
    union all
    select won.responsible_id, x.action, case when x.action = 'dealWon' then won.deals else won.amount end
    from (
      select d.responsible_id, count(*)::numeric as deals, sum(d.amount) as amount
      from deals d
      where d.workspace_id = ${ws} and d.deleted_at is null and d.closed_at >= ${start} and d.closed_at < ${end}
        and d.stage_id in (select id from stages where workspace_id = ${ws} and kind = 'won')
        and d.pipeline_id in (select id from pipelines where workspace_id = ${ws} and kind = 'sales')
        and d.responsible_id is not null and ${window.people('d.responsible_id')}
      group by 1
    ) as won
    cross join (values ('dealWon'), ('sales')) as x(action)
    union all
    select c.responsible_id, 'newContact', count(*)::numeric
    from contacts c
    where c.workspace_id = ${ws} and c.deleted_at is null and c.created_at >= ${start} and c.created_at < ${end}
      and c.responsible_id is not null and ${window.people('c.responsible_id')}
    group by 1`.execute(db);
  const counts = new Map<string, ActionCounts>();
  for (const row of rows) {
    const person = counts.get(row.user_id) ?? noActions();
    person[row.action] += Number(row.value);
    counts.set(row.user_id, person);
  }
  return counts;
}
