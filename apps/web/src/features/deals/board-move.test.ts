import type { Deal } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import type { DealBoard } from '../../api/types';
import { moveOnBoard } from './board-move';

const deal = (id: string, stageId: string, amount: number): Deal => ({
  id,
  title: id,
  pipelineId: 'p',
  stageId,
  amount,
  currency: 'RUB',
  probability: null,
  expectedCloseDate: null,
  responsibleId: null,
  contactId: null,
  companyId: null,
  contactName: null,
  companyName: null,
  leadId: null,
  sourceDealId: null,
  source: null,
  lostReason: null,
  closedAt: null,
  stageEnteredAt: '2026-01-01T00:00:00Z',
  custom: {},
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  noNextStep: false,
});

const board: DealBoard = {
  pipelineId: 'p',
  columns: [
    { stageId: 'a', count: 2, sum: 50_000, deals: [deal('d1', 'a', 40_000), deal('d2', 'a', 10_000)] },
    { stageId: 'b', count: 5, sum: 100_000, deals: [deal('d3', 'b', 20_000)] },
  ],
};

describe('moveOnBoard', () => {
  it('moves the card to the top of the target column with counts and sums', () => {
    const moved = moveOnBoard(board, 'd1', 'b');
    expect(moved.columns[0]).toMatchObject({ count: 1, sum: 10_000 });
    expect(moved.columns[0]?.deals.map((item) => item.id)).toEqual(['d2']);
    expect(moved.columns[1]).toMatchObject({ count: 6, sum: 140_000 });
    expect(moved.columns[1]?.deals.map((item) => [item.id, item.stageId])).toEqual([
      ['d1', 'b'],
      ['d3', 'b'],
    ]);
  });

  it('leaves the board as it is for the same column or an unknown deal', () => {
    expect(moveOnBoard(board, 'd1', 'a')).toBe(board);
    expect(moveOnBoard(board, 'nope', 'b')).toBe(board);
  });
});
