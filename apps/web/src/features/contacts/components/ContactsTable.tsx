import { Anchor } from '@mantine/core';
import type { Contact } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PartyTable } from '../../companies/components/PartyTable';

type Props = {
  contacts: Contact[];
  userNames: Map<string, string>;
  companyNames: Map<string, string>;
  /** The company and responsible columns are left out on a company's own card. */
  showCompany?: boolean;
  selection?: { selected: ReadonlySet<string>; onSelect: (ids: Set<string>) => void };
  deleted?: boolean;
};

export function ContactsTable({ contacts, companyNames, showCompany = true, ...rest }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  const company = {
    header: t('contacts.fields.companyId'),
    cell: (contact: Contact) =>
      contact.companyId ? (
        <Anchor component={Link} to={`/companies/${contact.companyId}`} size="sm">
          {companyNames.get(contact.companyId) ?? '…'}
        </Anchor>
      ) : (
        none
      ),
  };
  return (
    <PartyTable
      items={contacts}
      path="contacts"
      entity="contact"
      leading={[
        { header: t('contacts.fields.position'), cell: (contact) => contact.position ?? none },
        ...(showCompany ? [company] : []),
      ]}
      showResponsible={showCompany}
      minWidth={showCompany ? 760 : 480}
      {...rest}
    />
  );
}
