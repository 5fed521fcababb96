import { Anchor, Table, Text } from '@mantine/core';
import { type Company, formatPhone } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../ui/format';
import { PersonName } from '../../../ui/PersonName';

type Props = {
  companies: Company[];
  userNames: Map<string, string>;
};

export function CompaniesTable({ companies, userNames }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  if (companies.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('companies.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="companies-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('companies.fields.name')}</Table.Th>
            <Table.Th>{t('companies.fields.inn')}</Table.Th>
            <Table.Th>{t('companies.fields.phones')}</Table.Th>
            <Table.Th>{t('companies.fields.emails')}</Table.Th>
            <Table.Th>{t('companies.fields.responsibleId')}</Table.Th>
            <Table.Th>{t('companies.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {companies.map((company) => (
            <Table.Tr key={company.id} data-testid="company-row">
              <Table.Td>
                <Anchor component={Link} to={`/companies/${company.id}`} size="sm" fw={500}>
                  {company.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{company.inn ?? none}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {company.phones.map(formatPhone).join(', ') || none}
              </Table.Td>
              <Table.Td>{company.emails.join(', ') || none}</Table.Td>
              <Table.Td>
                <PersonName
                  name={company.responsibleId ? (userNames.get(company.responsibleId) ?? null) : null}
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(company.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
