import pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/database';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import type { DatasetOptions } from '../options';
import { insertFinance, insertPayments, insertStageHistory, linkConvertedLeads } from './history';
import { dropSecondaryIndexes, restoreIndexes } from './indexes';
import { type DatasetMarker, datasetVersion, writeMarker } from './marker';
import { installGenerators } from './prng';
import {
  type DatasetSize,
  insertActivities,
  insertCompanies,
  insertContacts,
  insertDeals,
  insertLeads,
  insertTasks,
} from './records';
import { createOrganisation } from './workspace';

const loadedTables = ['companies', 'contacts', 'leads', 'deals', 'deal_stage_history', 'tasks', 'activities'];
/** Deals per insert statement (see insertDeals). */
const dealSlice = 25_000;

/** The other record counts follow the deals: 1,000,000 deals come with 100,000 companies, 150,000
 * contacts, 200,000 leads and about 5,000,000 activities. */
export function sizeFor(deals: number): DatasetSize {
  return {
    deals,
    companies: Math.max(10, Math.round(deals / 10)),
    contacts: Math.max(15, Math.round(deals * 0.15)),
    leads: Math.max(20, Math.round(deals / 5)),
  };
}

/**
 * Creates the benchmark database from scratch (dropping it if it exists), migrates it with the
 * product's migrations and fills one workspace with deterministic data; see bench/README.md.
 */
export async function generateDataset(options: DatasetOptions): Promise<DatasetMarker> {
  const started = performance.now();
  const seconds: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await work();
    seconds[name] = round((performance.now() - at) / 1000);
    console.log(`  ${name.padEnd(22)} ${seconds[name].toFixed(1).padStart(7)} s`);
    return result;
  };

  await recreateDatabase(options.databaseUrl);
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: '', poolSize: 2 });
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await step('migrate', () => migrateToLatest(database.db));
    await installGenerators(client, options.seed);
    const org = await step('workspace and users', () => createOrganisation(database.db, client));
    const size = sizeFor(options.deals);
    const context = { client, org, size, anchor: options.anchor };
    await client.query(`set synchronous_commit = off`);
    await client.query(`set maintenance_work_mem = '1GB'`);
    const indexes = await dropSecondaryIndexes(client, loadedTables);
    const load = async (table: string, insert: () => Promise<number>) => {
      await client.query(
        `set session_replication_role = ${(await hasOwnTriggers(client, table)) ? 'origin' : 'replica'}`,
      );
      return step(table, insert);
    };
    const counts: Record<string, number> = {};
    counts.companies = await load('companies', () => insertCompanies(context));
    counts.contacts = await load('contacts', () => insertContacts(context));
    counts.leads = await load('leads', () => insertLeads(context));
    // The deals without a next step are listed in one statement once the tasks are in (listNextSteps):
    // its trigger would look for each new deal's tasks one by one.
    await client.query(`alter table deals disable trigger deals_next_step`);
    counts.deals = await load('deals', async () => {
      let written = 0;
      for (let first = 1; first <= size.deals; first += dealSlice)
        written += await insertDeals(context, first, Math.min(size.deals, first + dealSlice - 1));
      return written;
    });
    await client.query(`alter table deals enable trigger deals_next_step`);
    counts['stage visits'] = await load('deal_stage_history', () => insertStageHistory(context));
    // Both sides of a conversion are set in place: no trigger has anything to keep up for them.
    await client.query(`set session_replication_role = replica`);
    counts['converted leads'] = await step('converted leads', () => linkConvertedLeads(context));
    counts['monthly expenses'] = await load('finance_entries', () => insertFinance(context));
    counts['payments and purchases'] = await step('payments and purchases', () => insertPayments(context));
    await client.query(`set session_replication_role = replica`);
    counts.tasks = await step('tasks', () => insertTasks(context));
    counts['deals without next step'] = await step('deals without next step', () => listNextSteps(client));
    counts.activities = await load('activities', () => insertActivities(context));
    await client.query(`set session_replication_role = origin`);
    await step('indexes', () => restoreIndexes(client, indexes));
    // The whole database, so tables kept by triggers (deal_stage_totals) get statistics too.
    await step('vacuum analyze', () => client.query('vacuum (analyze)'));
    seconds.total = round((performance.now() - started) / 1000);
    const marker: DatasetMarker = {
      version: datasetVersion,
      seed: options.seed,
      anchor: options.anchor,
      counts,
      seconds,
      generatedAt: new Date().toISOString(),
    };
    await writeMarker(client, marker);
    return marker;
  } finally {
    await client.end();
    await database.close();
  }
}

/**
 * Lists the open deals without an open task (migration 0035's table), as its triggers would have, and
 * throws unless the list then agrees with the deals and their tasks.
 */
async function listNextSteps(client: pg.Client): Promise<number> {
  // Just loaded and without their indexes: unanalyzed, the tasks look empty, and the planner would
  // read all of them once per deal instead of hashing them.
  await client.query('analyze deals, tasks');
  const listed = await client.query(
    `insert into deals_without_next_step (workspace_id, deal_id, responsible_id, stage_entered_at)
     ${openWithoutTask}`,
  );
  const wrong = Number((await client.query<{ wrong: string }>(nextStepDisagreements)).rows[0]?.wrong);
  if (wrong > 0) throw new Error(`${wrong} deals disagree with their tasks on having a next step`);
  return listed.rowCount ?? 0;
}

/** The truth the table stands for: open, live deals without an open task. */
const openWithoutTask = `
  select d.workspace_id, d.id as deal_id, d.responsible_id, d.stage_entered_at from deals d
  where d.deleted_at is null and d.closed_at is null and not exists (
    select 1 from tasks t
    where t.workspace_id = d.workspace_id and t.entity = 'deal' and t.record_id = d.id
      and t.status = 'open' and t.deleted_at is null)`;

/**
 * Deals the table of deals without a next step is wrong about (bench/next-step/run.sh checks it too).
 * The truth is an anti-join and the comparison a full join, so it takes seconds even while the tasks
 * have no index of their own (the generator drops them until the end).
 */
export const nextStepDisagreements = `
  with truth as (${openWithoutTask})
  select count(*) as wrong
  from truth full join deals_without_next_step b using (workspace_id, deal_id)
  where truth.deal_id is null or b.deal_id is null
    or b.responsible_id is distinct from truth.responsible_id
    or b.stage_entered_at is distinct from truth.stage_entered_at`;

/**
 * Whether a table has triggers of its own (not the internal ones behind foreign keys). References are
 * generated consistent, so a table without any loads in replica mode, skipping the per-row foreign key
 * checks; a table with some (deals keep deal_stage_totals) loads with every trigger firing, so that
 * what its triggers maintain is right.
 */
async function hasOwnTriggers(client: pg.Client, table: string): Promise<boolean> {
  const result = await client.query<{ found: boolean }>(
    `select exists (select 1 from pg_trigger where tgrelid = $1::regclass and not tgisinternal) as found`,
    [table],
  );
  return result.rows[0]?.found ?? true;
}

async function recreateDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^voronka_bench/.test(name))
    throw new Error(
      `Refusing to drop "${name}": the benchmark database's name must start with voronka_bench`,
    );
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
