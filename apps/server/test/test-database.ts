import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';

/** Tests run on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set, else on embedded PGlite. */
export const testServerUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
export const testEngine = testServerUrl ? 'postgres' : 'pglite';
export const templateName = `voronka_template_${process.pid}`;

export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl ?? '' });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Migrates one template per test run: a PostgreSQL database, or a PGlite data folder. Returns its location. */
export async function createTemplate(): Promise<string> {
  if (testServerUrl) {
    await adminQuery(`drop database if exists ${templateName}`);
    await adminQuery(`create database ${templateName}`);
    const database = await openDatabase({ databaseUrl: databaseUrl(templateName), dataDir: '' });
    await migrateToLatest(database.db);
    await database.close();
    return templateName;
  }
  // One folder per run holds the template and every copy, so the run's teardown removes them all.
  const runDir = await mkdtemp(path.join(tmpdir(), 'voronka-tests-'));
  const dir = path.join(runDir, 'template');
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(database.db);
  await database.close();
  return dir;
}

/**
 * Removes the template and every copy made from it in this run, including copies whose test file
 * never got to clean up after itself (a crash, a timeout, an interrupted run).
 */
export async function dropTemplate(location: string): Promise<void> {
  if (!testServerUrl) {
    await rm(path.dirname(location), { recursive: true, force: true });
    return;
  }
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${location}%`],
    );
    for (const { datname } of rows)
      await client.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  url: string | null;
  /** Closes and removes the copy. */
  destroy(): Promise<void>;
}

/** A private, already migrated database for one test file, copied from the template in well under a second. */
export async function cloneTemplate(location: string): Promise<TestDatabase> {
  // Copies carry the template's name as a prefix, so the run's teardown can find them all.
  const name = `${testServerUrl ? location : 'copy'}_${randomBytes(6).toString('hex')}`;
  if (testServerUrl) {
    await adminQuery(`create database ${name} template ${location}`);
    const url = databaseUrl(name);
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    return {
      ...database,
      url,
      async destroy() {
        await database.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const dir = path.join(path.dirname(location), name);
  await cp(location, dir, { recursive: true });
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  return {
    ...database,
    url: null,
    async destroy() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
