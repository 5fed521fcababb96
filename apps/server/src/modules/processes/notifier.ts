import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { type EventEnvelope, eventsChannel } from '../events/event-bus';

/**
 * Live hints from process steps ("a new task in your inbox"), sent in batches outside the steps'
 * transactions. A NOTIFY inside a transaction takes a global lock at commit, which at a thousand steps
 * a second serialises them; the inbox table is the truth and a hint only prompts the browser to look.
 * (A hint from a step that then rolled back makes a browser refetch and find nothing new.)
 */
export interface Notifier {
  notify(envelope: EventEnvelope): void;
  flush(): Promise<void>;
}

export function createNotifier(db: Kysely<DB>, delayMs = 50): Notifier {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let sending: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return sending;
    sending = sending
      .then(() =>
        sql`select pg_notify(${eventsChannel}, payload) from unnest(${batch}::text[]) as payload`.execute(db),
      )
      .then(() => undefined)
      .catch((error: unknown) => console.error('Process notifications failed:', (error as Error).message));
    return sending;
  };
  return {
    notify(envelope) {
      pending.push(JSON.stringify(envelope));
      timer ??= setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}
