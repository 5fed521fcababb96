import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

// Stages carry no "proposal" kind: the default funnel names them «Подготовка КП» and «Согласование КП».
const proposalName = /КП|коммерческ|предложени|proposal/i;

export interface ProposalStages {
  /** Per pipeline, the first open stage whose name speaks of a proposal (КП). */
  proposal: string[];
  /** Per pipeline, the open stage right after the proposal stage: negotiating its terms. */
  negotiation: string[];
}

/**
 * The proposal and negotiation stages of the sales pipelines in scope (or of one pipeline). A pipeline
 * without a proposal stage adds none.
 *
 * @example await proposalStages(db, workspaceId) // default funnel: «Подготовка КП», «Согласование КП»
 */
export async function proposalStages(
  db: Kysely<DB>,
  workspaceId: string,
  pipelineId?: string,
): Promise<ProposalStages> {
  let query = db
    .selectFrom('stages as s')
    .innerJoin('pipelines as p', (join) =>
      join.onRef('p.id', '=', 's.pipeline_id').onRef('p.workspace_id', '=', 's.workspace_id'),
    )
    .select(['s.id', 's.pipeline_id', 's.name', 's.kind'])
    .where('s.workspace_id', '=', workspaceId)
    .orderBy('s.pipeline_id')
    .orderBy('s.position');
  query = pipelineId ? query.where('s.pipeline_id', '=', pipelineId) : query.where('p.kind', '=', 'sales');
  const stages = await query.execute();
  const result: ProposalStages = { proposal: [], negotiation: [] };
  const pipelines = new Set(stages.map((stage) => stage.pipeline_id));
  for (const pipeline of pipelines) {
    const open = stages.filter((stage) => stage.pipeline_id === pipeline && stage.kind === 'open');
    const index = open.findIndex((stage) => proposalName.test(stage.name));
    if (index < 0) continue;
    result.proposal.push(open[index]!.id);
    const next = open[index + 1];
    if (next) result.negotiation.push(next.id);
  }
  return result;
}
