import { loadConfig } from '../../apps/server/src/config';
import { openDatabase } from '../../apps/server/src/db/database';
import { buildApp } from '../../apps/server/src/http/app';
import { LiveHub } from '../../apps/server/src/modules/events/event-bus';
import type { RequestSpec } from './http';

export interface InProcessApp {
  /** Sends the request through Fastify without a socket; fails unless it answers 200. */
  call(spec: RequestSpec, headers: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The same application the measured server runs, built inside this process so that the SQL each
 * request sends can be captured (see sql-capture.ts). Used only to learn the SQL, never for timing.
 */
export async function openInProcessApp(databaseUrl: string): Promise<InProcessApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    WEB_DIST: '/nonexistent',
    SEED_DEMO: 'false',
    NODE_ENV: 'production',
  });
  const database = await openDatabase(config);
  const hub = new LiveHub(database);
  await hub.start();
  const app = await buildApp({ config, database, hub, logger: false });
  await app.ready();
  return {
    async call(spec, headers) {
      const response = await app.inject({
        method: spec.method,
        url: spec.path,
        headers,
        ...(spec.body === undefined ? {} : { payload: spec.body as object }),
      });
      if (response.statusCode !== 200)
        throw new Error(`${spec.method} ${spec.path} answered ${response.statusCode}: ${response.body}`);
    },
    async close() {
      await app.close();
      await hub.close();
      await database.close();
    },
  };
}
