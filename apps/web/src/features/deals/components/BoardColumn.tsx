import { useDroppable } from '@dnd-kit/core';
import { ActionIcon, Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { Stage } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealBoard } from '../../../api/types';
import { formatMoney } from '../../../ui/format';
import { type DealNames, DealTile } from './DealTile';
import { QuickCreateDeal } from './QuickCreateDeal';

type Props = {
  stage: Stage;
  column: DealBoard['columns'][number];
  names: DealNames;
};

const accents = { open: 'indigo', won: 'teal', lost: 'red' } as const;

/**
 * One stage of the board and a drop target for deals. Won and lost columns are narrow and show only
 * their count and sum until opened, so that the working stages keep the room.
 */
export function BoardColumn({ stage, column, names }: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const closing = stage.kind !== 'open';
  const [expanded, setExpanded] = useState(!closing);
  const accent = accents[stage.kind];

  return (
    <Box
      ref={setNodeRef}
      w={closing ? 200 : 272}
      h="100%"
      style={{
        flex: 'none',
        display: 'flex',
        flexDirection: 'column',
        borderRadius: 'var(--mantine-radius-md)',
        background: isOver ? `var(--mantine-color-${accent}-light)` : 'var(--mantine-color-default-hover)',
        borderTop: `3px solid var(--mantine-color-${accent}-5)`,
        transition: 'background 120ms',
      }}
      data-testid="board-column"
      data-stage-id={stage.id}
      data-stage-name={stage.name}
    >
      <Stack gap={2} p="sm" pb="xs">
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Group gap={4} wrap="nowrap" miw={0}>
            {closing ? (
              <Tooltip label={expanded ? t('deals.hideDeals') : t('deals.showDeals')}>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  onClick={() => setExpanded((value) => !value)}
                  aria-label={expanded ? t('deals.hideDeals') : t('deals.showDeals')}
                >
                  {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                </ActionIcon>
              </Tooltip>
            ) : null}
            <Text size="sm" fw={600} truncate title={stage.name}>
              {stage.name}
            </Text>
          </Group>
          <Badge size="sm" variant="light" color={accent} data-testid="column-count">
            {column.count}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" fw={500} data-testid="column-sum">
          {formatMoney(column.sum)}
        </Text>
      </Stack>
      <Stack gap="xs" px="xs" pb="xs" style={{ flex: 1, overflowY: 'auto', minHeight: 80 }}>
        {stage.kind === 'open' ? <QuickCreateDeal pipelineId={stage.pipelineId} stageId={stage.id} /> : null}
        {expanded ? (
          column.deals.map((deal) => <DealTile key={deal.id} deal={deal} names={names} />)
        ) : (
          <Text size="xs" c="dimmed" ta="center" py="lg" px="xs">
            {stage.kind === 'won' ? t('deals.dropToWin') : t('deals.dropToLose')}
          </Text>
        )}
        {expanded && column.count > column.deals.length ? (
          <Text size="xs" c="dimmed" ta="center">
            {t('deals.moreInTable', { count: column.count - column.deals.length })}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
