import {
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Box, Stack } from '@mantine/core';
import type { Deal, Pipeline } from '@voronka/domain';
import { useState } from 'react';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useUserNames } from '../../users/api';
import { useDealBoard } from '../api';
import { useStageChange } from '../use-stage-change';
import { BoardColumn } from './BoardColumn';
import { DealTileBody } from './DealTile';
import { StageChangeFeedback } from './StageChangeFeedback';

type Props = {
  pipeline: Pipeline;
};

// The column under the pointer wins; with the keyboard there is no pointer, so the overlap decides.
const collision: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

/** The kanban of one pipeline: a column per stage; dragging a card to another column moves the deal. */
export function DealsBoard({ pipeline }: Props) {
  const board = useDealBoard(pipeline.id);
  const flow = useStageChange();
  const [dragged, setDragged] = useState<Deal | null>(null);
  // A small threshold keeps a click on the title a click, not a drag.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const names = { users: useUserNames() };

  if (board.isPending) return <PageLoader />;
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;

  const onDragStart = (event: DragStartEvent) => {
    setDragged((event.active.data.current?.deal as Deal | undefined) ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const deal = event.active.data.current?.deal as Deal | undefined;
    const stage = pipeline.stages.find((item) => item.id === event.over?.id);
    if (deal && stage) flow.request(deal, stage);
  };

  return (
    <Stack gap="sm">
      <StageChangeFeedback flow={flow} linkToDeal />
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        <Box
          style={{
            display: 'flex',
            gap: 'var(--mantine-spacing-sm)',
            overflowX: 'auto',
            alignItems: 'stretch',
          }}
          h="calc(100dvh - 180px)"
          mih={420}
          pb="xs"
          data-testid="deals-board"
        >
          {pipeline.stages.map((stage) => {
            const column = board.data.columns.find((item) => item.stageId === stage.id) ?? {
              stageId: stage.id,
              count: 0,
              sum: 0,
              deals: [],
            };
            return <BoardColumn key={stage.id} stage={stage} column={column} names={names} />;
          })}
        </Box>
        <DragOverlay dropAnimation={null}>
          {dragged ? <DealTileBody deal={dragged} names={names} dragging /> : null}
        </DragOverlay>
      </DndContext>
    </Stack>
  );
}
