// A bare process-runtime worker on DATABASE_URL, for tests that kill and restart it. Prints "ready".
import { openDatabase } from '../src/db/database';
import { startProcessRuntime } from '../src/modules/processes/worker';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: '' });
const runtime = await startProcessRuntime(database.db, {
  pollingIntervalSeconds: 0.5,
  expireInSeconds: 3,
  maintenanceIntervalSeconds: 1,
  triggerIntervalMs: 500,
});
console.log('ready');
process.on('SIGTERM', () => {
  void runtime.stop().then(() => database.close().then(() => process.exit(0)));
});
