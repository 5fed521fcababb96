import type { DealCard } from '@voronka/domain';
import type { DealBoard } from '../../api/types';

/**
 * The board as it looks after a deal moves to another stage: the card leaves its column and opens the
 * target one, and both columns' counts and sums follow. Used to show a drag at once; the server's
 * answer (or a refusal, which restores the old board) comes after.
 *
 * @example moveOnBoard(board, deal.id, presentationStageId)
 */
export function moveOnBoard(board: DealBoard, dealId: string, toStageId: string): DealBoard {
  const from = board.columns.find((column) => column.deals.some((deal) => deal.id === dealId));
  const deal = from?.deals.find((item) => item.id === dealId);
  if (!from || !deal || from.stageId === toStageId) return board;
  const moved: DealCard = { ...deal, stageId: toStageId };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId === from.stageId) {
        return {
          ...column,
          count: column.count - 1,
          sum: column.sum - deal.amount,
          deals: column.deals.filter((item) => item.id !== dealId),
        };
      }
      if (column.stageId === toStageId) {
        return {
          ...column,
          count: column.count + 1,
          sum: column.sum + deal.amount,
          deals: [moved, ...column.deals],
        };
      }
      return column;
    }),
  };
}
