import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { notifyAfterCommit } from '../db/named-statements';
import type { DB } from '../db/schema';
import type { findTokenActor } from '../modules/api-tokens/api-tokens.service';
import type { findSessionActor } from '../modules/auth/sessions.queries';

/** The channel on which a change to who someone is (token, session, user, role) is announced. */
export const actorsChannel = 'voronka_actors';

interface Entry<T> {
  at: number;
  workspaceId: string;
  row: T;
}

/**
 * The rows behind API tokens and sessions, kept for a few seconds so that a burst of requests with one
 * credential reads them once: the lookup is one of the two round trips of a small read. The rows stay
 * the truth: expiry, scopes and the sliding touch are checked on every request against the kept row.
 *
 * A change is forgotten at once in the process that makes it and, through PostgreSQL's NOTIFY on
 * `actorsChannel`, in every other process as soon as the notice arrives. While the connection that
 * listens is down, nothing is kept, so a missed notice cannot leave a revoked token working; `ttlMs`
 * bounds the age of a row in any case.
 */
export class ActorCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private listening = false;
  // Counts forgetting. A lookup that began before a change may end after its notice: its row is
  // stale and must not be kept, so `set` keeps a row only if nothing was forgotten since `ticket()`.
  private epoch = 0;

  constructor(
    private ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 turns keeping off. */
  configure(ttlMs: number): void {
    this.ttlMs = ttlMs;
    this.clear();
  }

  /** Called with true once the process hears `actorsChannel`, with false when it stops hearing it. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.clear();
  }

  /** Take before reading a row from the database; hand to `set`. */
  ticket(): number {
    return this.epoch;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!this.listening || this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.row;
  }

  set(key: string, workspaceId: string, row: T, ticket: number): void {
    if (!this.listening || this.ttlMs <= 0 || ticket !== this.epoch) return;
    this.entries.delete(key);
    // A Map iterates in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at: this.now(), workspaceId, row });
  }

  /** The kept row, or the one `load` reads, kept under `workspaceId` unless a forget came in between. */
  async lookup(key: string, load: () => Promise<(T & { workspaceId: string }) | undefined>) {
    const kept = this.get(key);
    if (kept) return kept;
    const ticket = this.ticket();
    const row = await load();
    if (row) this.set(key, row.workspaceId, row, ticket);
    return row;
  }

  /** Changes a kept row without making it younger (the touch of `last_used_at`, `last_seen_at`). */
  patch(key: string, change: Partial<T>): void {
    const entry = this.entries.get(key);
    if (entry) entry.row = { ...entry.row, ...change };
  }

  forgetWorkspace(workspaceId: string): void {
    this.epoch++;
    for (const [key, entry] of this.entries) if (entry.workspaceId === workspaceId) this.entries.delete(key);
  }

  private clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

type Row<F extends (...args: never[]) => Promise<unknown>> = NonNullable<Awaited<ReturnType<F>>>;

/** Each process keeps the rows of its recent credentials, keyed by their hash; buildApp configures them. */
export const knownActors = {
  tokens: new ActorCache<Row<typeof findTokenActor>>(0),
  sessions: new ActorCache<Row<typeof findSessionActor>>(0),
  configure(ttlMs: number) {
    this.tokens.configure(ttlMs);
    this.sessions.configure(ttlMs);
  },
  setListening(listening: boolean) {
    this.tokens.setListening(listening);
    this.sessions.setListening(listening);
  },
  forgetWorkspace(workspaceId: string) {
    this.tokens.forgetWorkspace(workspaceId);
    this.sessions.forgetWorkspace(workspaceId);
  },
};

/** Keeps actors for `seconds` while this process hears changes announced by the others. */
export async function keepActors(app: FastifyInstance, database: Database, seconds: number): Promise<void> {
  knownActors.configure(seconds * 1000);
  if (seconds <= 0) return;
  const stop = await database.listen(
    actorsChannel,
    (workspaceId) => knownActors.forgetWorkspace(workspaceId),
    (hearing) => knownActors.setListening(hearing),
  );
  app.addHook('onClose', async () => stop());
}

/**
 * Tells every server process (this one at once) that the tokens, sessions, users or role settings of a
 * workspace changed. Inside a transaction the notice goes out once the change commits.
 */
export async function announceActorChange(db: Kysely<DB>, workspaceId: string): Promise<void> {
  knownActors.forgetWorkspace(workspaceId);
  await notifyAfterCommit(db, actorsChannel, workspaceId);
}
