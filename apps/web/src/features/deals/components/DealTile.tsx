import { useDraggable } from '@dnd-kit/core';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import type { DealCard } from '@voronka/domain';
import { Link } from 'react-router';
import { formatMoney } from '../../../ui/format';
import { PersonName } from '../../../ui/PersonName';
import { NoNextStepBadge } from './NoNextStepBadge';

/** People's names by id; a deal carries its own company's and contact's names. */
export type DealNames = {
  users: Map<string, string>;
};

type Props = {
  deal: DealCard;
  names: DealNames;
};

/** What a deal's card on the board shows: title, amount, client, responsible and the next-step warning. */
export function DealTileBody({ deal, names, dragging = false }: Props & { dragging?: boolean }) {
  const company = deal.companyName;
  const contact = deal.contactName;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow={dragging ? 'lg' : 'xs'}
      style={{ cursor: dragging ? 'grabbing' : 'grab', touchAction: 'none' }}
    >
      <Stack gap={6}>
        <Anchor
          component={Link}
          to={`/deals/${deal.id}`}
          size="sm"
          fw={600}
          c="var(--mantine-color-text)"
          lineClamp={2}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="deal-tile-title"
        >
          {deal.title}
        </Anchor>
        {/* A narrow column puts the warning under the amount rather than past the card's edge. */}
        <Group justify="space-between" gap={6} wrap="wrap">
          <Text size="sm" fw={600} c="indigo" data-testid="deal-tile-amount" style={{ whiteSpace: 'nowrap' }}>
            {formatMoney(deal.amount, deal.currency)}
          </Text>
          {deal.noNextStep ? <NoNextStepBadge /> : null}
        </Group>
        {company ? (
          <Group gap={4} wrap="nowrap" c="dimmed">
            <IconBuilding size={14} style={{ flexShrink: 0 }} />
            <Text size="xs" truncate>
              {company}
            </Text>
          </Group>
        ) : null}
        {contact ? (
          <Group gap={4} wrap="nowrap" c="dimmed">
            <IconUser size={14} style={{ flexShrink: 0 }} />
            <Text size="xs" truncate>
              {contact}
            </Text>
          </Group>
        ) : null}
        <PersonName
          size="xs"
          name={deal.responsibleId ? (names.users.get(deal.responsibleId) ?? null) : null}
        />
      </Stack>
    </Paper>
  );
}

/** A deal on the board that can be dragged to another stage. */
export function DealTile({ deal, names }: Props) {
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: deal.id, data: { deal } });
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      style={{ opacity: isDragging ? 0.35 : 1, outline: 'none' }}
      data-testid="deal-tile"
      data-deal-id={deal.id}
    >
      <DealTileBody deal={deal} names={names} />
    </div>
  );
}
