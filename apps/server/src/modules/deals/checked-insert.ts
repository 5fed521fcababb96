import { type Kysely, sql } from 'kysely';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { type NamedDealRow, namedNewDeal } from './deals.queries';
import { type LinkParam, type LinksFound, linkChecks } from './transaction-lookups';

/** A new deal's fields, all decided: what the create's body gave or its defaults. */
export interface NewDeal {
  title: string;
  pipelineId: string | null;
  stageId: string | null;
  amount: number;
  currency: string;
  probability: number | null;
  expectedCloseDate: string | null;
  responsibleId: string | null;
  contactId: string | null;
  companyId: string | null;
  leadId: string | null;
  sourceDealId: string | null;
  source: string | null;
  custom: Record<string, unknown>;
}

/** What the lookups found, and the deal when every one of them passed. */
export interface CheckedInsert {
  pipelineFound: boolean;
  stage: { id: string; kind: string } | null;
  links: LinksFound;
  deal: NamedDealRow | null;
}

/**
 * Inserts a deal, with its first stage visit, in the one statement that looks up its pipeline and
 * stage and checks its links; it inserts nothing when one of them fails, and says which. As a
 * transaction's first statement it carries the BEGIN, so a create is two round trips: this, and the
 * COMMIT with the history. The statement takes the pipeline's first open stage unless one is named.
 */
export async function insertChecked(trx: Kysely<DB>, actor: Actor, deal: NewDeal): Promise<CheckedInsert> {
  const { rows } = await checkedInsert.runFused(
    trx,
    // Not `{ ...deal, workspaceId, … }`: new keys after a spread are slow on Node 20 (see `toDeal`).
    Object.assign({}, deal, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      amount: String(deal.amount),
      custom: JSON.stringify(deal.custom),
    }),
    'begin',
  );
  const row = rows[0];
  if (!row) throw new Error('The checked deal insert returned no row');
  const {
    found_pipeline,
    found_stage,
    found_stage_kind,
    found_responsible,
    found_company,
    found_contact,
    ...inserted
  } = row;
  return {
    pipelineFound: found_pipeline !== null,
    stage: found_stage === null ? null : { id: found_stage, kind: found_stage_kind ?? '' },
    links: { responsible: found_responsible, company: found_company, contact: found_contact },
    // With no insert the left join leaves every column of the deal null.
    deal: inserted.id === null ? null : (inserted as NamedDealRow),
  };
}

type Found = {
  found_pipeline: string | null;
  found_stage: string | null;
  found_stage_kind: string | null;
  found_responsible: boolean;
  found_company: boolean;
  found_contact: boolean;
};
type Param = LinkParam | keyof NewDeal | 'actorId';

// The links' row drives the joins, so one row comes back whatever was found.
const checkedInsert = prepared(
  (_db, param: (name: Param) => string) => sql<Found & { [K in keyof NamedDealRow]: NamedDealRow[K] | null }>`
    with links as (${linkChecks(param)}),
    pipeline as (
      select p.id from pipelines p
      where p.workspace_id = ${param('workspaceId')} and p.id = coalesce(
        ${param('pipelineId')}::uuid,
        (select id from pipelines where workspace_id = ${param('workspaceId')} and kind = 'sales'
          order by position limit 1))),
    stage as (
      select s.id, s.pipeline_id, s.kind, s.probability from stages s
      where s.workspace_id = ${param('workspaceId')} and s.pipeline_id = (select id from pipeline)
        and case when ${param('stageId')}::uuid is null then s.kind = 'open' else s.id = ${param('stageId')}::uuid end
      order by s.position limit 1),
    chosen as (
      insert into deals (workspace_id, title, pipeline_id, stage_id, amount, currency, probability,
        expected_close_date, responsible_id, contact_id, company_id, lead_id, source_deal_id, source,
        custom, created_by)
      select ${param('workspaceId')}, ${param('title')}, stage.pipeline_id, stage.id, ${param('amount')}::numeric,
        ${param('currency')}, coalesce(${param('probability')}::int, stage.probability),
        ${param('expectedCloseDate')}::date, ${param('responsibleId')}::uuid, ${param('contactId')}::uuid,
        ${param('companyId')}::uuid, ${param('leadId')}::uuid, ${param('sourceDealId')}::uuid,
        ${param('source')}, ${param('custom')}::jsonb, ${param('actorId')}::uuid
      from stage, links
      where stage.kind = 'open' and links.responsible and links.company and links.contact
      returning *),
    -- Its first stage visit. The visit's trigger reads the deal's responsible person from the new row:
    -- a trigger's queries see what the statement wrote before them.
    along as (
      insert into deal_stage_history (workspace_id, deal_id, pipeline_id, stage_id, actor_id)
      select workspace_id, id, pipeline_id, stage_id, ${param('actorId')}::uuid from chosen)
    select (select id from pipeline) as found_pipeline, stage.id as found_stage, stage.kind as found_stage_kind,
      links.responsible as found_responsible, links.company as found_company, links.contact as found_contact,
      named.*
    from links
    left join stage on true
    left join (${namedNewDeal()}) as named on true`,
);
