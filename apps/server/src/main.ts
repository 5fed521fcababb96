import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { startTableUpkeep } from './db/maintenance';
import { migrateToLatest } from './db/migrate';
import { demoPassword, demoPeople, seedDemo } from './db/seed';
import { buildApp } from './http/app';
import { LiveHub } from './modules/events/event-bus';
import { createMailer } from './modules/mail/mailer';
import { useProcessMailer } from './modules/processes/external-actions';
import { startProcessRuntime } from './modules/processes/worker';
import { startReminders } from './modules/tasks/reminders';

const config = loadConfig();
const started = Date.now();
const database = await openDatabase(config);
await migrateToLatest(database.db);
const seeded = config.seedDemo ? await seedDemo(database.db) : false;
const hub = new LiveHub(database);
await hub.start();
const mailer = createMailer(config.smtpUrl, config.mailFrom);
useProcessMailer(mailer, config.publicUrl);
const processes = await startProcessRuntime(database.db);
// PGlite (and a PostgreSQL with autovacuum off) needs its tables analyzed and vacuumed by us.
const stopUpkeep = await startTableUpkeep(database);
const app = await buildApp({ config, database, hub, processes });
await app.listen({ port: config.port, host: config.host });
const stopReminders = startReminders(database.db, 15_000, {
  mailer,
  publicUrl: config.publicUrl,
  onError: (error) => app.log.error({ err: error }, 'reminders failed'),
});

const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
console.log(`\nVoronka is ready on http://localhost:${config.port} (${where}, ${Date.now() - started} ms)`);
if (config.seedDemo) {
  console.log(
    `${seeded ? 'Demo workspace created.' : 'Demo workspace:'} Sign in with password "${demoPassword}" as:`,
  );
  for (const person of demoPeople)
    console.log(`  ${person.email.padEnd(28)} ${person.name} (${person.role})`);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // Stop taking requests and let the ones in flight finish, then close the database.
  stopReminders();
  await app.close();
  await processes.stop();
  await stopUpkeep();
  mailer?.close();
  await hub.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
