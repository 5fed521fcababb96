import {
  type CompileProblem,
  type CreateProcessBody,
  compileProcess,
  type ProcessDefinition,
  type ProcessDefinitionDetail,
  type ProcessRunsOn,
  type ProcessTriggerInput,
  type SaveDraftBody,
  triggerMismatch,
} from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { ProcessDefinitionsTable } from '../../db/schema-processes';
import { AppError, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { emptyProcessXml } from './empty-process';
import { requireProcessEditor } from './process-actor';
import { findProcessTemplate, templateXml } from './templates';

type Trx = Kysely<DB>;

function keyFrom(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'process'}-${Date.now().toString(36)}`;
}

async function definitionRow(trx: Trx, actor: Actor, id: string) {
  const row = await trx
    .selectFrom('process_definitions')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('Process');
  return row;
}

function listQuery(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('process_definitions as d')
    .selectAll('d')
    .select((eb) => [
      eb
        .selectFrom('process_versions as v')
        .select((v) => v.fn.max('v.version').as('n'))
        .whereRef('v.definition_id', '=', 'd.id')
        .where('v.status', '=', 'published')
        .as('published_version'),
      eb
        .exists(
          eb
            .selectFrom('process_versions as v')
            .select('v.id')
            .whereRef('v.definition_id', '=', 'd.id')
            .where('v.status', '=', 'draft'),
        )
        .as('has_draft'),
      eb
        .selectFrom('process_instances as i')
        .select((i) => i.fn.countAll<string>().as('n'))
        .whereRef('i.definition_id', '=', 'd.id')
        .where('i.workspace_id', '=', workspaceId)
        .where('i.status', '=', 'running')
        .as('running'),
    ])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.deleted_at', 'is', null);
}

type ListRow = Selectable<ProcessDefinitionsTable> & {
  published_version: number | null;
  has_draft: boolean;
  running: string | null;
};

function toDefinition(row: ListRow): ProcessDefinition {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    template: row.template,
    runsOn: row.runs_on,
    publishedVersion: row.published_version,
    hasDraft: Boolean(row.has_draft),
    running: Number(row.running ?? 0),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listDefinitions(db: Kysely<DB>, actor: Actor): Promise<ProcessDefinition[]> {
  const rows = await listQuery(db, actor.workspaceId).orderBy('d.name').execute();
  return rows.map((row) => toDefinition(row as ListRow));
}

export async function getDefinition(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<ProcessDefinitionDetail> {
  const row = await listQuery(db, actor.workspaceId).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Process');
  const versions = await db
    .selectFrom('process_versions')
    .select(['id', 'version', 'status', 'xml', 'created_at', 'published_at'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('definition_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  const triggers = await db
    .selectFrom('process_triggers')
    .select(['id', 'event', 'conditions', 'enabled'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('definition_id', '=', id)
    .orderBy('created_at')
    .execute();
  const current = versions.find((version) => version.status === 'draft') ?? versions[0];
  return {
    ...toDefinition(row as ListRow),
    xml: current?.xml ?? '',
    versions: versions.map((version) => ({
      id: version.id,
      version: version.version,
      status: version.status,
      createdAt: version.created_at.toISOString(),
      publishedAt: version.published_at?.toISOString() ?? null,
    })),
    triggers: triggers.map((trigger) => ({
      id: trigger.id,
      event: trigger.event as ProcessDefinitionDetail['triggers'][number]['event'],
      conditions: trigger.conditions as Record<string, string>,
      enabled: trigger.enabled,
    })),
  };
}

export async function createDefinition(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateProcessBody>,
): Promise<ProcessDefinitionDetail> {
  requireProcessEditor(actor);
  const fromTemplate = input.template ? await templateDraft(db, actor, input.template) : null;
  const name = input.name ?? fromTemplate?.name;
  if (!name) throw invalid('body.name', 'Name the process or choose a template');
  if (fromTemplate && input.xml) throw invalid('body.xml', 'Give either the XML or a template, not both');
  const id = await db.transaction().execute(async (trx) => {
    const key = fromTemplate?.processId ?? keyFrom(name);
    const definition = await trx
      .insertInto('process_definitions')
      .values({
        workspace_id: actor.workspaceId,
        key,
        name,
        description: input.description ?? fromTemplate?.description ?? null,
        template: input.template ?? null,
        runs_on: input.runsOn !== undefined ? input.runsOn : (fromTemplate?.runsOn ?? null),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('process_versions')
      .values({
        workspace_id: actor.workspaceId,
        definition_id: definition.id,
        version: 1,
        status: 'draft',
        xml: fromTemplate?.xml ?? input.xml ?? emptyProcessXml(key, name),
        created_by: actor.userId,
      })
      .execute();
    return definition.id;
  });
  return getDefinition(db, actor, id);
}

/** A template's diagram, name and description in the language of the person creating the process. */
async function templateDraft(db: Kysely<DB>, actor: Actor, key: string) {
  const template = findProcessTemplate(key);
  if (!template) throw invalid('body.template', `No template "${key}"`);
  const user = await db
    .selectFrom('users')
    .select('locale')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  const locale = user?.locale ?? 'ru';
  return {
    ...templateXml(template, locale),
    name: template.name[locale],
    description: template.description[locale],
    runsOn: template.runsOn,
  };
}

/** Saves the draft, opening a new one (the next version number) when only published versions exist. */
export async function saveDraft(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof SaveDraftBody>,
): Promise<ProcessDefinitionDetail> {
  requireProcessEditor(actor);
  await db.transaction().execute(async (trx) => {
    await definitionRow(trx, actor, id);
    const updated = await trx
      .updateTable('process_versions')
      .set({ xml: input.xml, updated_at: sql`now()` })
      .where('workspace_id', '=', actor.workspaceId)
      .where('definition_id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto('process_versions')
        .values({
          workspace_id: actor.workspaceId,
          definition_id: id,
          version: sql<number>`(select coalesce(max(version), 0) + 1 from process_versions where workspace_id = ${actor.workspaceId} and definition_id = ${id})`,
          status: 'draft',
          xml: input.xml,
          created_by: actor.userId,
        })
        .execute();
    }
    await trx
      .updateTable('process_definitions')
      .set({
        updated_at: sql`now()`,
        ...(input.name && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.runsOn !== undefined && { runs_on: input.runsOn }),
      })
      .where('id', '=', id)
      .execute();
  });
  return getDefinition(db, actor, id);
}

/**
 * Compiles the draft and, when the engine accepts every element, makes it the published version new
 * instances start on; running instances stay on theirs. Otherwise nothing changes and every problem
 * is listed (element id, type, what is wrong).
 */
export async function publishDraft(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<ProcessDefinitionDetail> {
  requireProcessEditor(actor);
  await db.transaction().execute(async (trx) => {
    const definition = await definitionRow(trx, actor, id);
    const draft = await trx
      .selectFrom('process_versions')
      .select(['id', 'xml'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('definition_id', '=', id)
      .where('status', '=', 'draft')
      .forUpdate()
      .executeTakeFirst();
    if (!draft) throw new AppError('conflict', 'There is no draft to publish');
    const compiled = await compileProcess(draft.xml);
    if (!compiled.ok) throw publishRefused(compiled.problems);
    await trx
      .updateTable('process_definitions')
      .set({ key: compiled.graph.key, updated_at: sql`now()` })
      .where('id', '=', definition.id)
      .execute()
      .catch((error: unknown) => {
        throw (error as { code?: string }).code === '23505'
          ? new AppError('conflict', `Another process already has the id ${compiled.graph.key}`, [
              { path: 'xml', message: 'bpmn:process id must be unique in the workspace' },
            ])
          : error;
      });
    await trx
      .updateTable('process_versions')
      .set({
        status: 'published',
        graph: JSON.stringify(compiled.graph),
        published_at: sql`now()`,
        published_by: actor.userId,
        updated_at: sql`now()`,
      })
      .where('id', '=', draft.id)
      .execute();
  });
  return getDefinition(db, actor, id);
}

function publishRefused(problems: readonly CompileProblem[]): AppError {
  return new AppError(
    'process_invalid',
    `The process cannot be published: ${problems.length} problem(s)`,
    problems.map((problem) => ({
      path: problem.elementId || 'process',
      message: problem.message,
      code: problem.code,
      params: problem.params,
      elementType: problem.elementType,
    })),
  );
}

/**
 * A trigger that could never start this process (a deal event on a lead process, a schedule on a process
 * that needs a record) is refused with 422 naming the item, rather than saved to stay silent for ever.
 */
function requireFittingTriggers(
  triggers: readonly z.output<typeof ProcessTriggerInput>[],
  runsOn: ProcessRunsOn | null,
): void {
  const what = runsOn ? `a process that runs on a ${runsOn}` : 'a process that runs without a record';
  const issues: { path: string; code: string; runsOn: ProcessRunsOn | null; message: string }[] = [];
  for (const [index, trigger] of triggers.entries()) {
    const mismatch = triggerMismatch(trigger.event, trigger.conditions, runsOn);
    if (mismatch === 'event_record') {
      const message = `"${trigger.event}" cannot start ${what}`;
      issues.push({ path: `body.items.${index}.event`, code: mismatch, runsOn, message });
    } else if (mismatch === 'field_record') {
      const message = `A change of a ${trigger.conditions.entity} cannot start ${what}`;
      issues.push({ path: `body.items.${index}.conditions.entity`, code: mismatch, runsOn, message });
    }
  }
  if (issues.length > 0)
    throw new AppError('process_invalid', issues.map((issue) => issue.message).join('; '), issues);
}

export async function replaceTriggers(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  triggers: readonly z.output<typeof ProcessTriggerInput>[],
): Promise<ProcessDefinitionDetail> {
  requireProcessEditor(actor);
  await db.transaction().execute(async (trx) => {
    const definition = await definitionRow(trx, actor, id);
    requireFittingTriggers(triggers, definition.runs_on);
    await trx
      .deleteFrom('process_triggers')
      .where('workspace_id', '=', actor.workspaceId)
      .where('definition_id', '=', id)
      .execute();
    if (triggers.length > 0) {
      await trx
        .insertInto('process_triggers')
        .values(
          triggers.map((trigger) => ({
            workspace_id: actor.workspaceId,
            definition_id: id,
            event: trigger.event,
            conditions: JSON.stringify(trigger.conditions),
            enabled: trigger.enabled,
          })),
        )
        .execute();
    }
  });
  return getDefinition(db, actor, id);
}

export async function deleteDefinition(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireProcessEditor(actor);
  await db.transaction().execute(async (trx) => {
    await definitionRow(trx, actor, id);
    await trx
      .updateTable('process_definitions')
      .set({ deleted_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('process_triggers')
      .set({ enabled: false })
      .where('definition_id', '=', id)
      .execute();
  });
}
