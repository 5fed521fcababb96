import type { LiveEvent } from '@voronka/domain';
import { expect } from 'vitest';

/**
 * Reads server-sent events from a real HTTP stream until `count` arrive or the time runs out.
 * `keep` picks the events the test is about: a change committed just before the stream opened can
 * still be on its way through PostgreSQL's LISTEN connection and arrive after it (seen on a loaded
 * CI machine), so a test that sets records up first should name the events it waits for.
 */
export async function collectEvents(
  url: string,
  cookie: string,
  count: number,
  act: () => Promise<unknown>,
  waitMs = 3000,
  keep: (event: LiveEvent) => boolean = () => true,
): Promise<LiveEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const events: LiveEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const first = await reader.read(); // the "connected" comment: the subscription is live
  buffer += decoder.decode(first.value);
  await act();
  const deadline = setTimeout(() => controller.abort(), waitMs);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      for (const message of messages) {
        const data = message.split('\n').find((line) => line.startsWith('data: '));
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as LiveEvent;
        if (keep(event)) events.push(event);
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
  return events;
}
