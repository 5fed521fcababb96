import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const repoRoot = path.resolve(import.meta.dirname, '..');
const webDir = path.join(repoRoot, 'apps/web');
const webDist = path.join(webDir, 'dist');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Whether browser journeys can run. Without Chromium they are skipped with a warning, unless
 * REQUIRE_BROWSER is set (CI), where a missing browser is an error.
 */
export function browserAvailable(): boolean {
  const executable = chromiumPath();
  if (existsSync(executable)) return true;
  const message = `Chromium not found at ${executable} (set CHROMIUM_PATH, or apt-get install chromium)`;
  if (process.env.REQUIRE_BROWSER) throw new Error(`REQUIRE_BROWSER is set but ${message}`);
  console.warn(`Browser journeys were skipped: ${message}.`);
  return false;
}

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

/** Builds the web app when there is no build or its sources (or the shared schemas) changed since. */
export function ensureWebBuild(): void {
  const built = existsSync(path.join(webDist, 'index.html'))
    ? statSync(path.join(webDist, 'index.html')).mtimeMs
    : 0;
  const sources = [
    path.join(webDir, 'src'),
    path.join(webDir, 'public'),
    path.join(webDir, 'index.html'),
    path.join(webDir, 'vite.config.ts'),
    path.join(repoRoot, 'packages/domain/src'),
  ];
  if (built > Math.max(...sources.map(newestChange))) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle the development builds of React.
  execFileSync('npx', ['vite', 'build'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within 120 s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The demo department's time zone. Its plans and monthly costs are seeded by Moscow's calendar, so the
 * browsers run in it, as the department's own would, and the tests count days and months in it too:
 * in UTC the last evening of a month is already the next month in Moscow.
 */
export const demoZone = 'Europe/Moscow';

/** Today in the demo department's zone, as YYYY-MM-DD. */
export function demoToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: demoZone }).format(new Date());
}

/** The first day (YYYY-MM-DD) of the month `offset` months from the demo department's current one. */
export function demoMonthStart(offset: number): string {
  const [year, month] = demoToday().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
}

/** The last day (YYYY-MM-DD) of the month `offset` months from the demo department's current one. */
export function demoMonthEnd(offset: number): string {
  const [year, month] = demoToday().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month + offset, 0)).toISOString().slice(0, 10);
}

export type PageOptions = {
  viewport?: { width: number; height: number };
  /** The browser's language, which decides the UI language before sign-in. */
  locale?: string;
};

export type RunningApp = {
  baseUrl: string;
  /** A page in a fresh browser context: no cookies, no stored theme or language. */
  newPage: (options?: PageOptions) => Promise<Page>;
  /** What the server printed, for failure messages. */
  serverOutput: () => string;
  close: () => Promise<void>;
};

/**
 * Starts the real server on a free port with an empty database (the demo workspace is seeded on
 * start), serving the built web app, and a headless Chromium to drive it.
 *
 * @example const app = await startApp(); const page = await app.newPage(); await page.goto(app.baseUrl);
 */
export async function startApp(): Promise<RunningApp> {
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'voronka-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  let output = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST: webDist },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  const close = async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, () => output);
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  } catch (error) {
    await close();
    throw error;
  }
  const launched = browser;

  return {
    baseUrl,
    serverOutput: () => output,
    close,
    newPage: async ({ viewport = { width: 1280, height: 800 }, locale = 'en-US' } = {}) => {
      const context = await launched.newContext({ viewport, locale, timezoneId: demoZone, baseURL: baseUrl });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}

export function screenshotPath(name: string): string {
  return path.join(screenshotDir, `${name}.png`);
}
