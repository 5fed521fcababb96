import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { bulkRefusals, gateMissing, groupByStage } from './stage-gate';

const amount = { stageId: 's2', stageName: 'Выявление потребностей', field: 'amount', label: 'Сумма' };
const date = { ...amount, field: 'expectedCloseDate', label: 'Ожидаемая дата закрытия' };
const company = { stageId: 's1', stageName: 'Квалификация', field: 'companyId', label: 'Компания' };

describe('stage gate answers', () => {
  it('reads the missing outputs of a refused move', () => {
    const error = new ApiError(422, 'stage_gate', 'closed', { missing: [amount, date] });
    expect(gateMissing(error)).toEqual([amount, date]);
    expect(gateMissing(new ApiError(400, 'validation_failed', 'bad', []))).toBeNull();
    expect(gateMissing(new Error('x'))).toBeNull();
  });

  it('reads the refused deals of a bulk move', () => {
    const error = new ApiError(422, 'stage_gate', 'closed', {
      refused: [{ id: 'd1', missing: [amount] }, { id: 3 }],
    });
    expect(bulkRefusals(error)).toEqual([{ id: 'd1', missing: [amount] }]);
    expect(bulkRefusals(new ApiError(422, 'stage_gate', 'closed', { missing: [amount] }))).toBeNull();
  });

  it('groups missing outputs by their stage', () => {
    expect(groupByStage([company, amount, date])).toEqual([
      { stageName: 'Квалификация', labels: ['Компания'] },
      { stageName: 'Выявление потребностей', labels: ['Сумма', 'Ожидаемая дата закрытия'] },
    ]);
  });
});
