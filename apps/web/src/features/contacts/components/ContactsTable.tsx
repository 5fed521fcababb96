import { Anchor, Table, Text } from '@mantine/core';
import { type Contact, formatPhone } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonName } from '../../../ui/PersonName';

type Props = {
  contacts: Contact[];
  userNames: Map<string, string>;
  companyNames: Map<string, string>;
  /** The company column is left out on a company's own card. */
  showCompany?: boolean;
};

export function ContactsTable({ contacts, userNames, companyNames, showCompany = true }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  if (contacts.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center" size="sm">
        {t('contacts.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={showCompany ? 760 : 480}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.fields.name')}</Table.Th>
            <Table.Th>{t('contacts.fields.position')}</Table.Th>
            {showCompany ? <Table.Th>{t('contacts.fields.companyId')}</Table.Th> : null}
            <Table.Th>{t('contacts.fields.phones')}</Table.Th>
            <Table.Th>{t('contacts.fields.emails')}</Table.Th>
            {showCompany ? <Table.Th>{t('contacts.fields.responsibleId')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id} data-testid="contact-row">
              <Table.Td>
                <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" fw={500}>
                  {contact.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{contact.position ?? none}</Table.Td>
              {showCompany ? (
                <Table.Td>
                  {contact.companyId ? (
                    <Anchor component={Link} to={`/companies/${contact.companyId}`} size="sm">
                      {companyNames.get(contact.companyId) ?? '…'}
                    </Anchor>
                  ) : (
                    none
                  )}
                </Table.Td>
              ) : null}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {contact.phones.map(formatPhone).join(', ') || none}
              </Table.Td>
              <Table.Td>{contact.emails.join(', ') || none}</Table.Td>
              {showCompany ? (
                <Table.Td>
                  <PersonName
                    name={contact.responsibleId ? (userNames.get(contact.responsibleId) ?? null) : null}
                  />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
