import { expect, it } from 'vitest';
import { step } from './engine';
import type { InstanceState } from './state';
import { loadGraph, testNow } from './test-kit';

// A regression guard, not the benchmark: the floor is far below what the engine does (see README).
it('runs start → service task → exclusive → user task → end well above 10,000 instances/s', async () => {
  const graph = await loadGraph('service-exclusive-user');
  let counter = 0;
  const context = { now: testNow, newId: () => `t${++counter}` };
  const runOne = (index: number) => {
    let instance: InstanceState = step(
      graph,
      null,
      { type: 'start', variables: { amount: 1001 + index, deal: { id: `d${index}`, title: 'Сделка' } } },
      context,
    ).instance;
    instance = step(
      graph,
      instance,
      { type: 'completeTask', tokenId: instance.tokens[0]!.id },
      context,
    ).instance;
    instance = step(
      graph,
      instance,
      { type: 'completeTask', tokenId: instance.tokens[0]!.id },
      context,
    ).instance;
    return instance.status;
  };
  for (let index = 0; index < 2000; index++) runOne(index);
  const count = 20_000;
  const started = performance.now();
  let completed = 0;
  for (let index = 0; index < count; index++) if (runOne(index) === 'completed') completed++;
  const perSecond = Math.round(count / ((performance.now() - started) / 1000));
  console.log(`${perSecond} instances/s`);
  expect(completed).toBe(count);
  expect(perSecond).toBeGreaterThan(10_000);
});
