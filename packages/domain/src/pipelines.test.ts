import { describe, expect, it } from 'vitest';
import { validatePipelineStages } from './pipelines';

const open = (name: string, fields: string[] = []) => ({
  name,
  kind: 'open' as const,
  exitRequirements: fields.map((field) => ({ field })),
});
const won = { name: 'Успех', kind: 'won' as const, exitRequirements: [] };
const lost = { name: 'Провал', kind: 'lost' as const, exitRequirements: [] };

describe('validatePipelineStages', () => {
  it('accepts open stages followed by one won and one lost', () => {
    expect(
      validatePipelineStages([open('Квалификация', ['amount', 'custom.budget']), open('Договор'), won, lost]),
    ).toEqual([]);
  });

  it('needs exactly one won and one lost stage and at least one open', () => {
    expect(
      validatePipelineStages([won, { ...won, name: 'Ещё успех' }, lost]).map((issue) => issue.message),
    ).toEqual(['A pipeline needs exactly one won stage', 'A pipeline needs at least one open stage']);
  });

  it('names the stage at fault: an open stage after a closed one, a repeated name, an unknown field', () => {
    expect(
      validatePipelineStages([open('Квалификация', ['colour']), won, open('квалификация'), lost]),
    ).toEqual([
      { path: 'body.stages.0.exitRequirements.0.field', message: '"colour" is not a deal field' },
      { path: 'body.stages.2.kind', message: 'Open stages come before the won and lost stages' },
      { path: 'body.stages.2.name', message: 'Stage name "квалификация" is used twice' },
    ]);
  });
});
