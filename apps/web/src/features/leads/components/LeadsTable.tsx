import { Anchor, Table, Text } from '@mantine/core';
import { formatPhone, type Lead } from '@voronka/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/format';
import type { LeadColumn } from '../lead-view';
import { LeadStatusBadge } from './LeadStatusBadge';

type Props = {
  leads: Lead[];
  userNames: Map<string, string>;
  /** The columns after the title, in order. */
  columns: string[];
  onOpen: (lead: Lead) => void;
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

export function LeadsTable({ leads, userNames, columns, onOpen }: Props) {
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
        return lead.source ?? none;
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
              onClick={() => onOpen(lead)}
              style={{ cursor: 'pointer' }}
              data-testid="lead-row"
            >
              <Table.Td>
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
