import { expect, it } from 'vitest';
import { validateTaskOutput } from './task-output';
import { loadGraph } from './test-kit';

it('names the required form fields a task output leaves empty', async () => {
  const graph = await loadGraph('lead-calls');
  expect(validateTaskOutput(graph, 'call', { outcome: ' ', nextCallAt: '' })).toEqual([
    {
      id: 'outcome',
      label: 'Результат',
      type: 'select',
      required: true,
      options: [
        { value: 'ready', label: 'Готов' },
        { value: 'undecided', label: 'Думает' },
        { value: 'refused', label: 'Отказ' },
      ],
    },
  ]);
  expect(validateTaskOutput(graph, 'call', { outcome: 'ready' })).toEqual([]);
  expect(validateTaskOutput(graph, 'createDeal', {})).toEqual([]);
});
