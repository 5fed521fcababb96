import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** A real PostgreSQL for production; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | null;
  /** PostgreSQL's parallel workers per statement (`max_parallel_workers_per_gather`); see db/database.ts. */
  parallelWorkers: number;
  dataDir: string;
  webDist: string;
  logLevel: string;
  /** Secure cookies need HTTPS; on by default in production. */
  secureCookies: boolean;
  sessionTtlHours: number;
  /** How long a process may keep a token's or session's row between lookups (see http/actor-cache.ts); 0: not at all. */
  actorCacheSeconds: number;
  bodyLimitBytes: number;
  seedDemo: boolean;
  /** SMTP for outgoing mail (reminders), e.g. smtp://user:password@smtp.example.ru:587; none when unset. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The address people open Voronka at, for links in emails. */
  publicUrl: string;
  /** Check every answer against its response schema (see http/serializer.ts); off in production. */
  checkResponses: boolean;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    parallelWorkers: Number(env.DATABASE_PARALLEL_WORKERS ?? 0),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 24 * 14),
    actorCacheSeconds: Number(env.ACTOR_CACHE_SECONDS ?? 10),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1024 * 1024),
    seedDemo: env.SEED_DEMO !== 'false',
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Voronka <voronka@localhost>',
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    checkResponses: env.CHECK_RESPONSES ? env.CHECK_RESPONSES === 'true' : env.NODE_ENV !== 'production',
  };
}
