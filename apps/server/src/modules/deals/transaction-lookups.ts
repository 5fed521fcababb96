import { type Kysely, type Selectable, sql } from 'kysely';
import { prepared } from '../../db/prepared';
import type { DB, StagesTable } from '../../db/schema';
import { toStage } from '../pipelines/pipelines.queries';

type Trx = Kysely<DB>;
type StageRow = Selectable<StagesTable>;
// A stage's row from a left join, with the pipeline it was asked for: all null when neither exists.
type JoinedStage = { [K in keyof StageRow]: StageRow[K] | null } & { pipeline: string | null };

/**
 * What a transaction has already looked up for the deals it changes or moves: a bulk move of 1,000
 * deals asked for the same pipeline's stages, and a batch of updates for the same responsible person,
 * once per deal. Nothing that changes or moves deals changes pipelines or people in the same
 * transaction, so an answer holds until it ends. (Creates look theirs up inside the insert, see
 * checked-insert.ts.)
 */
const lookupsByTransaction = new WeakMap<Trx, Map<string, Promise<unknown>>>();

function remembered<T>(trx: Trx, key: string, load: () => Promise<T>): Promise<T> {
  // Outside a transaction nothing is shared: the answer could outlive a change to the pipeline.
  if (!trx.isTransaction) return load();
  let lookups = lookupsByTransaction.get(trx);
  if (!lookups) {
    lookups = new Map();
    lookupsByTransaction.set(trx, lookups);
  }
  let answer = lookups.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = load();
    lookups.set(key, answer);
    // A failed lookup is not kept: the transaction is rolling back anyway.
    answer.catch(() => lookups.delete(key));
  }
  return answer;
}

/** The stages of the given pipeline, or of the workspace's first sales pipeline, in one statement. */
export function pipelineStages(trx: Trx, workspaceId: string, pipelineId: string | undefined) {
  return remembered(trx, stagesKey(workspaceId, pipelineId), async () => {
    // When it is the transaction's first statement it carries the BEGIN, one round trip fewer.
    const { rows } = pipelineId
      ? await stagesOfPipeline.runFused(trx, { workspaceId, pipelineId }, 'begin')
      : await stagesOfFirstPipeline.runFused(trx, { workspaceId }, 'begin');
    return toPipelineStages(rows);
  });
}

const stagesKey = (workspaceId: string, pipelineId: string | undefined) =>
  `stages:${workspaceId}:${pipelineId ?? ''}`;

function toPipelineStages(rows: readonly JoinedStage[]) {
  const first = rows[0];
  if (!first?.pipeline) return null;
  const stages = rows.flatMap((row) => (row.id === null ? [] : [toStage(row as StageRow)]));
  return { pipelineId: first.pipeline, stages };
}

/** The people and records a deal links to; a link not given (null or absent) is not checked. */
export interface DealLinks {
  responsibleId?: string | null;
  companyId?: string | null;
  contactId?: string | null;
}

/** Which of a deal's links were found: an active user, a live company, a live contact. */
export interface LinksFound {
  responsible: boolean;
  company: boolean;
  contact: boolean;
}

/** Checks a deal's links: the responsible person alone is asked once per transaction. */
export async function findLinks(trx: Trx, workspaceId: string, links: DealLinks): Promise<LinksFound> {
  if (!links.companyId && !links.contactId) {
    const responsible = !links.responsibleId || (await isActiveUser(trx, workspaceId, links.responsibleId));
    return { responsible, company: true, contact: true };
  }
  const { rows } = await linksExist.run(trx, { workspaceId, ...linkValues(links) });
  return rows[0] ?? noneFound;
}

const noneFound: LinksFound = { responsible: false, company: false, contact: false };

const linkValues = (links: DealLinks) => ({
  responsibleId: links.responsibleId ?? null,
  companyId: links.companyId ?? null,
  contactId: links.contactId ?? null,
});

export type LinkParam = 'workspaceId' | 'responsibleId' | 'companyId' | 'contactId';

// The three checks as one row; a link not given counts as found. A create runs them inside its insert.
export const linkChecks = (param: (name: LinkParam) => string) => sql<LinksFound>`select
    (${param('responsibleId')}::uuid is null or exists (select 1 from users
      where workspace_id = ${param('workspaceId')} and id = ${param('responsibleId')}::uuid and active)) as responsible,
    (${param('companyId')}::uuid is null or exists (select 1 from companies
      where workspace_id = ${param('workspaceId')} and id = ${param('companyId')}::uuid and deleted_at is null)) as company,
    (${param('contactId')}::uuid is null or exists (select 1 from contacts
      where workspace_id = ${param('workspaceId')} and id = ${param('contactId')}::uuid and deleted_at is null)) as contact`;

const linksExist = prepared((_db, param: (name: LinkParam) => string) => linkChecks(param));

// Every deal moved asks these; prepared, they are parsed and planned once per connection
// (the stages' join took 0.2 ms to plan and 0.07 ms to run).
const stagesOf = (db: Trx, workspaceId: string, pipelineId: string | null) =>
  db
    .selectFrom('pipelines as p')
    .leftJoin('stages as s', (join) =>
      join.onRef('s.pipeline_id', '=', 'p.id').onRef('s.workspace_id', '=', 'p.workspace_id'),
    )
    .selectAll('s')
    .select('p.id as pipeline')
    .where('p.workspace_id', '=', workspaceId)
    .where('p.id', '=', (eb) =>
      pipelineId
        ? eb.val(pipelineId)
        : eb
            .selectFrom('pipelines')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('kind', '=', 'sales')
            .orderBy('position')
            .limit(1),
    )
    .orderBy('s.position');
const stagesOfPipeline = prepared((db, param: (name: 'workspaceId' | 'pipelineId') => string) =>
  stagesOf(db, param('workspaceId'), param('pipelineId')),
);
const stagesOfFirstPipeline = prepared((db, param: (name: 'workspaceId') => string) =>
  stagesOf(db, param('workspaceId'), null),
);

/** Whether a person is an active user of the workspace, asked once per transaction. */
export function isActiveUser(trx: Trx, workspaceId: string, userId: string): Promise<boolean> {
  return remembered(trx, `user:${workspaceId}:${userId}`, async () => {
    const { rows } = await activeOf.run(trx, { workspaceId, userId });
    return rows[0]?.active === true;
  });
}

const activeOf = prepared((db, param: (name: 'workspaceId' | 'userId') => string) =>
  db
    .selectFrom('users')
    .select('active')
    .where('workspace_id', '=', param('workspaceId'))
    .where('id', '=', param('userId')),
);
