import { describe, expect, it } from 'vitest';
import { canOverrideGate, checkStageMove, type GateStage, isFilled } from './stage-gates';

const stages: GateStage[] = [
  {
    id: 'qual',
    name: 'Квалификация',
    position: 1,
    kind: 'open',
    exitRequirements: [{ field: 'companyId', label: 'Компания' }],
  },
  {
    id: 'needs',
    name: 'Выявление потребностей',
    position: 2,
    kind: 'open',
    exitRequirements: [{ field: 'amount', label: 'Сумма' }],
  },
  {
    id: 'proposal',
    name: 'Подготовка КП',
    position: 3,
    kind: 'open',
    exitRequirements: [{ field: 'proposalSent', label: 'КП отправлено' }],
  },
  { id: 'contract', name: 'Договор', position: 4, kind: 'open', exitRequirements: [] },
  { id: 'won', name: 'Успешно', position: 5, kind: 'won', exitRequirements: [] },
  { id: 'lost', name: 'Провал', position: 6, kind: 'lost', exitRequirements: [] },
];

describe('checkStageMove', () => {
  it('lets a deal on when the stage it leaves has its output', () => {
    expect(checkStageMove(stages, 'qual', 'needs', { companyId: 'c1' })).toEqual({ allowed: true });
  });

  it('names the missing output of the stage being left', () => {
    expect(checkStageMove(stages, 'qual', 'needs', { companyId: null })).toEqual({
      allowed: false,
      missing: [{ stageId: 'qual', stageName: 'Квалификация', field: 'companyId', label: 'Компания' }],
    });
  });

  it('asks for the outputs of every stage skipped, in order', () => {
    const result = checkStageMove(stages, 'qual', 'contract', {
      companyId: 'c1',
      amount: '',
      proposalSent: false,
    });
    expect(result).toEqual({
      allowed: false,
      missing: [
        { stageId: 'needs', stageName: 'Выявление потребностей', field: 'amount', label: 'Сумма' },
        { stageId: 'proposal', stageName: 'Подготовка КП', field: 'proposalSent', label: 'КП отправлено' },
      ],
    });
  });

  it('needs every remaining output to win, and only a reason to lose', () => {
    const values = { companyId: 'c1', amount: 40_000, proposalSent: false };
    expect(checkStageMove(stages, 'needs', 'won', values)).toMatchObject({
      allowed: false,
      missing: [{ field: 'proposalSent' }],
    });
    expect(checkStageMove(stages, 'needs', 'won', { ...values, proposalSent: true })).toEqual({
      allowed: true,
    });
    expect(checkStageMove(stages, 'needs', 'lost', values)).toMatchObject({
      allowed: false,
      missing: [{ field: 'lostReason' }],
    });
    expect(checkStageMove(stages, 'needs', 'lost', { lostReason: 'Дорого' })).toEqual({ allowed: true });
  });

  it('always lets a deal go back, or be reopened, or stay', () => {
    expect(checkStageMove(stages, 'contract', 'qual', {})).toEqual({ allowed: true });
    expect(checkStageMove(stages, 'lost', 'needs', {})).toEqual({ allowed: true });
    expect(checkStageMove(stages, 'needs', 'needs', {})).toEqual({ allowed: true });
  });

  it('refuses a stage that is not in the pipeline', () => {
    expect(() => checkStageMove(stages, 'qual', 'elsewhere', {})).toThrow('Unknown stage elsewhere');
  });
});

describe('isFilled', () => {
  it('treats blank text, empty lists, unticked boxes and nothing as empty, and zero as a value', () => {
    expect([null, undefined, '', '  ', [], false].map(isFilled)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([0, 'x', ['a'], true, new Date()].map(isFilled)).toEqual([true, true, true, true, true]);
  });
});

describe('canOverrideGate', () => {
  it('belongs to heads of sales, admins and owners', () => {
    expect(canOverrideGate('head_of_sales')).toBe(true);
    expect(canOverrideGate('owner')).toBe(true);
    expect(canOverrideGate('manager')).toBe(false);
    expect(canOverrideGate('curator')).toBe(false);
  });
});
