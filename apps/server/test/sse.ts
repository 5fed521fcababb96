import type { LiveEvent } from '@voronka/domain';
import { expect } from 'vitest';

/** Reads server-sent events from a real HTTP stream until `count` arrive or the time runs out. */
export async function collectEvents(
  url: string,
  cookie: string,
  count: number,
  act: () => Promise<unknown>,
  waitMs = 3000,
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
        if (data) events.push(JSON.parse(data.slice(6)) as LiveEvent);
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
