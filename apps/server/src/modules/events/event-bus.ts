import type { LiveEvent, Visibility } from '@voronka/domain';
import { type Compilable, type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import { notifyAfterCommit, writeAtCommit } from '../../db/named-statements';
import type { DB } from '../../db/schema';

export const eventsChannel = 'voronka_events';

/** What travels through PostgreSQL: the event plus who may receive it. */
export interface EventEnvelope {
  workspaceId: string;
  /** Only these users; absent means everyone in the workspace who may see the record. */
  userIds?: string[];
  /** For record events: lets "own"-visibility users skip records that are not theirs. */
  responsibleId?: string | null;
  event: LiveEvent;
}

/**
 * Queues an event inside the caller's transaction, sent when it commits (`notifyAfterCommit`): a
 * rolled-back change never announces itself, and every server process listening gets it.
 * `along` (the change's history rows) is written in the COMMIT's round trip too (`writeAtCommit`).
 */
export async function publish(
  trx: Kysely<DB>,
  envelope: EventEnvelope,
  along?: Compilable | null,
): Promise<void> {
  const payload = JSON.stringify(envelope);
  if (!trx.isTransaction) {
    // No transaction to wait for: the history rows and the NOTIFY go as one statement, which is atomic.
    const notify = sql`select pg_notify(${eventsChannel}, ${payload})`;
    await (along ? sql`with along as (${along}) ${notify}` : notify).execute(trx);
    return;
  }
  if (along) await writeAtCommit(trx, along);
  await notifyAfterCommit(trx, eventsChannel, payload);
}

export interface Subscriber {
  userId: string;
  workspaceId: string;
  visibility: Visibility;
  send(event: LiveEvent): void;
}

/** Fans events from the database out to this process's connected browsers. */
export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    this.stop = await this.database.listen(eventsChannel, (payload) => this.dispatch(payload));
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.subscribers.clear();
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  private dispatch(payload: string): void {
    let envelope: EventEnvelope;
    try {
      envelope = JSON.parse(payload) as EventEnvelope;
    } catch {
      return;
    }
    for (const subscriber of this.subscribers) {
      if (shouldReceive(subscriber, envelope)) subscriber.send(envelope.event);
    }
  }
}

export function shouldReceive(subscriber: Subscriber, envelope: EventEnvelope): boolean {
  if (subscriber.workspaceId !== envelope.workspaceId) return false;
  if (envelope.userIds) return envelope.userIds.includes(subscriber.userId);
  if (envelope.responsibleId !== undefined && subscriber.visibility === 'own') {
    return envelope.responsibleId === subscriber.userId;
  }
  return true;
}
