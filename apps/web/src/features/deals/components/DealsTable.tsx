import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import type { Deal, Pipeline } from '@voronka/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate, formatDate, formatMoney, sourceLabel } from '../../../ui/format';
import { PersonName } from '../../../ui/PersonName';
import type { DealColumn } from '../deal-view';
import type { DealNames } from './DealTile';
import { NoNextStepBadge } from './NoNextStepBadge';

type Props = {
  deals: Deal[];
  pipeline: Pipeline;
  columns: string[];
  names: DealNames;
  selected: Set<string>;
  onSelect: (ids: Set<string>) => void;
};

const stageColors = { open: 'indigo', won: 'teal', lost: 'red' } as const;

export function DealsTable({ deals, pipeline, columns, names, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  const allSelected = deals.length > 0 && deals.every((deal) => selected.has(deal.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };

  const cell = (deal: Deal, column: DealColumn): ReactNode => {
    switch (column) {
      case 'stage': {
        const stage = pipeline.stages.find((item) => item.id === deal.stageId);
        return stage ? (
          <Badge variant="light" color={stageColors[stage.kind]} styles={{ root: { textTransform: 'none' } }}>
            {stage.name}
          </Badge>
        ) : (
          none
        );
      }
      case 'amount':
        return (
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            {formatMoney(deal.amount, deal.currency)}
          </Text>
        );
      case 'company':
        return deal.companyId && deal.companyName ? (
          <Anchor component={Link} to={`/companies/${deal.companyId}`} size="sm">
            {deal.companyName}
          </Anchor>
        ) : (
          none
        );
      case 'contact':
        return deal.contactId && deal.contactName ? (
          <Anchor component={Link} to={`/contacts/${deal.contactId}`} size="sm">
            {deal.contactName}
          </Anchor>
        ) : (
          none
        );
      case 'responsible':
        return (
          <PersonName name={deal.responsibleId ? (names.users.get(deal.responsibleId) ?? null) : null} />
        );
      case 'expectedCloseDate':
        return formatCalendarDate(deal.expectedCloseDate);
      case 'probability':
        return deal.probability === null ? none : `${deal.probability}%`;
      case 'source':
        return deal.source ? sourceLabel(deal.source) : none;
      case 'nextStep':
        return deal.noNextStep ? <NoNextStepBadge /> : null;
      case 'createdAt':
        return formatDate(deal.createdAt);
      case 'updatedAt':
        return formatDate(deal.updatedAt);
    }
  };

  if (deals.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('deals.empty')}
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="deals-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('deals.bulk.selectAll')}
                checked={allSelected}
                indeterminate={!allSelected && deals.some((deal) => selected.has(deal.id))}
                onChange={() => onSelect(allSelected ? new Set() : new Set(deals.map((deal) => deal.id)))}
              />
            </Table.Th>
            <Table.Th>{t('deals.fields.title')}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column}>{t(`deals.columns.${column as DealColumn}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((deal) => (
            <Table.Tr
              key={deal.id}
              data-testid="deal-row"
              bg={selected.has(deal.id) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td>
                <Checkbox
                  aria-label={deal.title}
                  checked={selected.has(deal.id)}
                  onChange={() => toggle(deal.id)}
                  data-testid="deal-row-select"
                />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/deals/${deal.id}`} size="sm" fw={500}>
                  {deal.title}
                </Anchor>
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column}>{cell(deal, column as DealColumn)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
