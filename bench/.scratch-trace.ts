import pg from 'pg';
import { signIn } from './runner/actors';
import { buildCases, caseName } from './runner/cases';
import { HttpClient } from './runner/http';
import { openInProcessApp } from './runner/in-process-app';
import { startServer } from './runner/server';
import { captureStatements } from './runner/sql-capture';
import { planReplay } from './runner/sql-replay';

const url = process.argv[2]!;
const server = await startServer(url);
const http = new HttpClient(server.url);
const pool = new pg.Pool({ connectionString: url, max: 10 });
try {
  const actors = {
    owner: await signIn(http, 'owner'),
    head: await signIn(http, 'head'),
    manager: await signIn(http, 'manager'),
  };
  const cases = await buildCases(pool, http, actors);
  const app = await openInProcessApp(url);
  for (const item of cases.filter((c) => caseName(c).includes(process.argv[3] ?? ''))) {
    const statements = await captureStatements(() => app.call(item.variants[0]!, item.actor.headers));
    const plan = planReplay(statements);
    console.log('=====', caseName(item), item.variants[0]!.path);
    for (const [i, u] of plan.units.entries()) {
      console.log(`-- unit ${i} after [${u.after}] tx=${u.transaction}`);
      for (const s of u.statements)
        console.log(
          `   [c${s.connection} ${s.sent}-${s.completed}] ${s.text.replace(/\s+/g, ' ')}  ${JSON.stringify(s.values)}`,
        );
    }
  }
  await app.close();
} finally {
  http.close();
  await pool.end();
  await server.stop();
}
