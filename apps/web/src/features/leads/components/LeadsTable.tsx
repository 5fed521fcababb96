import { Anchor, Table, Text } from '@mantine/core';
import { formatPhone, type Lead } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/format';
import { LeadStatusBadge } from './LeadStatusBadge';

type Props = {
  leads: Lead[];
  userNames: Map<string, string>;
  onOpen: (lead: Lead) => void;
};

export function LeadsTable({ leads, userNames, onOpen }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');

  if (leads.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('leads.empty')}
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="leads-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('leads.fields.title')}</Table.Th>
            <Table.Th>{t('leads.fields.contactName')}</Table.Th>
            <Table.Th>{t('leads.fields.phone')}</Table.Th>
            <Table.Th>{t('leads.fields.status')}</Table.Th>
            <Table.Th>{t('leads.fields.responsibleId')}</Table.Th>
            <Table.Th>{t('leads.createdAt')}</Table.Th>
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
              <Table.Td>{lead.contactName ?? none}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {lead.phone ? formatPhone(lead.phone) : none}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <LeadStatusBadge status={lead.status} />
              </Table.Td>
              <Table.Td>{lead.responsibleId ? (userNames.get(lead.responsibleId) ?? none) : none}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lead.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
