import type { Pipeline } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import {
  draftToBody,
  gateFieldOptions,
  moveStage,
  newStage,
  pipelineToDraft,
  stageIndexOf,
} from './pipeline-draft';

const regulation = {
  input: '',
  output: 'Есть компания',
  responsibleRole: null,
  responsibleFunction: 'hunter' as const,
  tasks: '',
  actions: '',
  keySuccessFactor: '',
};
const stage = (id: string, position: number, kind: 'open' | 'won' | 'lost' = 'open') => ({
  id,
  pipelineId: 'p',
  name: id,
  position,
  kind,
  probability: 10,
  regulation,
  exitRequirements: [],
  handoffFunction: null,
});
const pipeline: Pipeline = {
  id: 'p',
  name: 'Продажи',
  kind: 'sales',
  position: 0,
  stages: [stage('b', 1), stage('a', 0), stage('won', 2, 'won'), stage('lost', 3, 'lost')],
};

describe('pipeline drafts', () => {
  it('orders stages by position and keeps their ids in the body', () => {
    const body = draftToBody(pipelineToDraft(pipeline));
    expect(body.stages.map((item) => item.id)).toEqual(['a', 'b', 'won', 'lost']);
    expect(body.stages[0]).not.toHaveProperty('key');
  });

  it('sends a new stage without an id, and requirements with a label', () => {
    const draft = pipelineToDraft(pipeline);
    const added = {
      ...newStage(' Презентация '),
      exitRequirements: [
        { field: 'amount', label: '' },
        { field: '', label: 'x' },
      ],
    };
    const body = draftToBody({ ...draft, stages: [added, ...draft.stages] });
    expect(body.stages[0]).toMatchObject({
      name: 'Презентация',
      exitRequirements: [{ field: 'amount', label: 'amount' }],
    });
    expect(body.stages[0]).not.toHaveProperty('id');
  });

  it('moves stages and reads stage indexes from error paths', () => {
    const { stages } = pipelineToDraft(pipeline);
    expect(moveStage(stages, 1, -1).map((item) => item.id)).toEqual(['b', 'a', 'won', 'lost']);
    expect(moveStage(stages, 0, -1).map((item) => item.id)).toEqual(['a', 'b', 'won', 'lost']);
    expect(stageIndexOf('stages.3.exitRequirements.0.field')).toBe(3);
    expect(stageIndexOf('stages')).toBeNull();
  });

  it('offers the deal fields and custom ones as gate fields', () => {
    expect(gateFieldOptions(['budget'])).toContain('custom.budget');
    expect(gateFieldOptions([])).toContain('expectedCloseDate');
  });
});
