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
  const dir = await mkdtemp(path.join(tmpdir(), 'voronka-template-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(database.db);
  await database.close();
  return dir;
}

export async function dropTemplate(location: string): Promise<void> {
  if (testServerUrl) await adminQuery(`drop database if exists ${location}`);
  else await rm(location, { recursive: true, force: true });
}

export interface TestDatabase extends Database {
  url: string | null;
  /** Closes and removes the copy. */
  destroy(): Promise<void>;
}

/** A private, already migrated database for one test file, copied from the template in well under a second. */
export async function cloneTemplate(location: string): Promise<TestDatabase> {
  const name = `voronka_test_${randomBytes(6).toString('hex')}`;
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
