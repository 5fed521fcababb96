import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../../apps/server/src/db/database';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import type { DB } from '../../apps/server/src/db/schema';
import type { Actor } from '../../apps/server/src/modules/access/actor';
import { createDefinition, publishDraft } from '../../apps/server/src/modules/processes/definitions.service';
import { createWorkspace } from '../../apps/server/src/modules/workspaces/workspaces.service';
import type { ProcessCase } from './cases';

export type StoreKind = 'postgres' | 'pglite';

export interface BenchStore {
  kind: StoreKind;
  database: Database;
  /** Closes the database and drops it (PostgreSQL) or deletes its directory (PGlite). */
  dispose(): Promise<void>;
}

/** A fresh, migrated database for one run: PostgreSQL with a pool of ten, or PGlite in a temp directory. */
export async function openStore(kind: StoreKind, databaseUrl: string): Promise<BenchStore> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'voronka-bench-processes-'));
    const database = await openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(database.db);
    return {
      kind,
      database,
      async dispose() {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!name.startsWith('voronka_bench_processes')) {
    throw new Error(
      `--database-url: the database name must start with voronka_bench_processes (got ${name})`,
    );
  }
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const dropAndCreate = async (create: boolean) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      if (create) await client.query(`create database ${pg.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  };
  await dropAndCreate(true);
  const database = await openDatabase({ databaseUrl, dataDir: '', poolSize: 10 });
  await migrateToLatest(database.db);
  return {
    kind,
    database,
    async dispose() {
      await database.close();
      // The pool's sockets close just after `end()` resolves; dropping sooner would cut them off noisily.
      await new Promise((resolve) => setTimeout(resolve, 500));
      // BENCH_KEEP_DATABASE=1 leaves it for a look at its tables and plans afterwards.
      if (!process.env.BENCH_KEEP_DATABASE) await dropAndCreate(false);
    },
  };
}

/** A workspace made by the product's own `createWorkspace`, and its owner acting as an admin would. */
export async function createBenchWorkspace(db: Kysely<DB>): Promise<Actor> {
  const { workspace, owner } = await createWorkspace(db, 'Бенчмарк процессов', {
    email: 'owner@processes.bench.voronka.dev',
    password: 'voronka-bench-processes',
    name: 'Владелец',
    role: 'owner',
  });
  return {
    userId: owner.id,
    workspaceId: workspace.id,
    name: owner.name,
    role: 'owner',
    function: null,
    departmentId: null,
    visibility: 'all',
    via: 'session',
    sessionId: null,
    scopes: ['read', 'write', 'admin'],
  };
}

export interface Published {
  definitionId: string;
  versionId: string;
}

/** Publishes the file as the designer does: a draft, then compileProcess and the published version row. */
export async function publishCase(db: Kysely<DB>, actor: Actor, process: ProcessCase): Promise<Published> {
  const draft = await createDefinition(db, actor, { name: process.name, xml: process.xml });
  const detail = await publishDraft(db, actor, draft.id);
  const version = detail.versions.find((candidate) => candidate.status === 'published');
  if (!version) throw new Error(`${process.key}: not published`);
  return { definitionId: detail.id, versionId: version.id };
}
