import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testServerUrl } from '../../test/test-database';
import { connectionOptions, openDatabase } from './database';

async function settingsOf(parallelWorkers?: number) {
  const database = await openDatabase({
    databaseUrl: testServerUrl,
    dataDir: '',
    poolSize: 1,
    parallelWorkers,
  });
  try {
    const { rows } = await sql<{ jit: string; workers: string }>`select current_setting('jit') as jit,
      current_setting('max_parallel_workers_per_gather') as workers`.execute(database.db);
    return rows[0];
  } finally {
    await database.close();
  }
}

describe("the server's PostgreSQL connections", () => {
  it.runIf(testServerUrl)('run without JIT and without parallel workers unless told how many', async () => {
    expect(await settingsOf()).toEqual({ jit: 'off', workers: '0' });
    expect(await settingsOf(2)).toEqual({ jit: 'off', workers: '2' });
  });

  it('refuse a number of workers that is not a whole number ≥ 0', () => {
    expect(connectionOptions(0)).toBe('-c jit=off -c max_parallel_workers_per_gather=0');
    for (const wrong of [-1, 1.5, Number.NaN])
      expect(() => connectionOptions(wrong)).toThrow(/DATABASE_PARALLEL_WORKERS/);
  });
});
