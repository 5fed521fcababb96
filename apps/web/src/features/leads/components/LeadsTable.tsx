import { Anchor, Table, Text } from '@mantine/core';
import { formatPhone, type Lead } from '@voronka/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, sourceLabel } from '../../../ui/format';
import { SelectAllCheckbox, SelectRowCheckbox } from '../../../ui/RowSelection';
import type { LeadColumn } from '../lead-view';
import { LeadStatusBadge } from './LeadStatusBadge';

type Props = {
  leads: Lead[];
  userNames: Map<string, string>;
  /** The columns after the title, in order. */
  columns: string[];
  /** Opens the lead's card; deleted leads have none. */
  onOpen?: (lead: Lead) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
};

const headers = {
  contactName: 'leads.fields.contactName',
  phone: 'leads.fields.phone',
  email: 'leads.fields.email',
  source: 'leads.fields.source',
  channel: 'leads.fields.channel',
  status: 'leads.fields.status',
  responsible: 'leads.fields.responsibleId',
  createdAt: 'leads.createdAt',
} as const satisfies Record<LeadColumn, string>;

export function LeadsTable({ leads, userNames, columns, onOpen, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  const shown = columns.filter((column): column is LeadColumn => column in headers);

  if (leads.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('leads.empty')}
      </Text>
    );
  }

  const cell = (lead: Lead, column: LeadColumn): ReactNode => {
    switch (column) {
      case 'contactName':
        return lead.contactName ?? none;
      case 'phone':
        return lead.phone ? formatPhone(lead.phone) : none;
      case 'email':
        return lead.email ?? none;
      case 'source':
        return lead.source ? sourceLabel(lead.source) : none;
      case 'channel':
        return lead.channel ?? none;
      case 'status':
        return <LeadStatusBadge status={lead.status} />;
      case 'responsible':
        return lead.responsibleId ? (userNames.get(lead.responsibleId) ?? none) : none;
      case 'createdAt':
        return formatDate(lead.createdAt);
    }
  };
  const nowrap = new Set<LeadColumn>(['phone', 'status', 'createdAt']);

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="leads-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <SelectAllCheckbox ids={leads.map((lead) => lead.id)} selected={selected} onSelect={onSelect} />
            </Table.Th>
            <Table.Th>{t('leads.fields.title')}</Table.Th>
            {shown.map((column) => (
              <Table.Th key={column}>{t(headers[column])}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <Table.Tr
              key={lead.id}
              onClick={onOpen ? () => onOpen(lead) : undefined}
              style={onOpen ? { cursor: 'pointer' } : undefined}
              bg={selected.has(lead.id) ? 'var(--mantine-primary-color-light)' : undefined}
              data-testid="lead-row"
            >
              <Table.Td>
                <SelectRowCheckbox id={lead.id} label={lead.title} selected={selected} onSelect={onSelect} />
              </Table.Td>
              <Table.Td>
                {onOpen ? (
                  <Anchor
                    href={`/leads/${lead.id}`}
                    size="sm"
                    fw={500}
                    onClick={(event) => {
                      event.preventDefault();
                      event.stopPropagation();
                      onOpen(lead);
                    }}
                  >
                    {lead.title}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={500}>
                    {lead.title}
                  </Text>
                )}
              </Table.Td>
              {shown.map((column) => (
                <Table.Td key={column} style={nowrap.has(column) ? { whiteSpace: 'nowrap' } : undefined}>
                  {cell(lead, column)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
