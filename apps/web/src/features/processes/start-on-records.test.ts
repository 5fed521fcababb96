import { describe, expect, it } from 'vitest';
import { groupFailures, type StartProgress, startOnRecords } from './start-on-records';

describe('starting a process on many records', () => {
  it('starts on each record in order, one at a time, and goes on past a refusal', async () => {
    const calls: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const progress: StartProgress[] = [];
    const outcome = await startOnRecords(
      ['a', 'b', 'c'],
      async (id) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        calls.push(id);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
        if (id === 'b') throw new Error('No published version');
      },
      (step) => progress.push(step),
    );

    expect(calls).toEqual(['a', 'b', 'c']);
    expect(mostAtOnce).toBe(1);
    expect(outcome.started).toEqual(['a', 'c']);
    expect(outcome.failed).toEqual([{ recordId: 'b', error: new Error('No published version') }]);
    expect(progress).toEqual([
      { done: 1, total: 3, failed: 0 },
      { done: 2, total: 3, failed: 1 },
      { done: 3, total: 3, failed: 1 },
    ]);
  });

  it('groups failures by reason, the most frequent first', () => {
    const reasonOf = (error: unknown) => (error instanceof Error ? error.message : 'unknown');
    const groups = groupFailures(
      [
        { recordId: 'a', error: new Error('Not found') },
        { recordId: 'b', error: new Error('Forbidden') },
        { recordId: 'c', error: new Error('Forbidden') },
      ],
      reasonOf,
    );
    expect(groups).toEqual([
      { reason: 'Forbidden', recordIds: ['b', 'c'] },
      { reason: 'Not found', recordIds: ['a'] },
    ]);
  });
});
