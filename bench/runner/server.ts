import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export interface RunningServer {
  url: string;
  pid: number;
  /** CPU time (user + system) the server process has used so far, in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts `apps/server/src/main.ts` as its own process on `databaseUrl`, as production would run it. */
export async function startServer(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under the benchmark.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The flags `npm start` runs the server with.
  const { flags } = JSON.parse(readFileSync(path.join(repoRoot, 'scripts/server-node-flags.json'), 'utf8'));
  const child = spawn(
    process.execPath,
    [...flags, ...nodeArgs, '--import', 'tsx', 'apps/server/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        // Request logs are `info`; BENCH_LOG_LEVEL=info times the server with them.
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        WEB_DIST: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // BENCH_SERVER_OUTPUT=/tmp/server.log keeps what the server writes (with BENCH_LOG_LEVEL=info, each
  // request's time; with --trace-gc in BENCH_SERVER_NODE_ARGS, each collection) for reading afterwards.
  if (process.env.BENCH_SERVER_OUTPUT) {
    const output = createWriteStream(process.env.BENCH_SERVER_OUTPUT, { flags: 'a' });
    child.stdout?.pipe(output);
    child.stderr?.pipe(output);
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  await waitForReady(child);
  const pid = child.pid ?? 0;
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    cpuMs: () => processCpuMs(pid),
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start in 60 s:\n${output}`));
    }, 60_000);
    let ready = false;
    // Until 2026-12-03 this kept gathering and searching the whole output after the start, which
    // grows with every request logged at `info`: a deal by id then took 9.6 ms p50 instead of 0.4.
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Voronka is ready on')) return;
      ready = true;
      output = '';
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep reading, so that a full pipe never stops the server.
      child.stdout?.resume();
      resolve();
    };
    child.stdout?.on('data', onData);
    // Warnings and errors stay visible while the benchmark runs.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (!ready) output += chunk.toString();
      process.stderr.write(`[server] ${chunk.toString()}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${output}`));
    });
  });
}

/** CPU time (user + system) in ms of one thread of `pid`, or of its whole process when `tid` is omitted. */
export function processCpuMs(pid: number, tid?: number): number {
  const stat = readFileSync(
    tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`,
    'utf8',
  );
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / clockTicks;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
