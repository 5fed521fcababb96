import type { Company } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/format';
import { PartyTable } from './PartyTable';

type Props = {
  companies: Company[];
  userNames: Map<string, string>;
  selection?: { selected: ReadonlySet<string>; onSelect: (ids: Set<string>) => void };
  deleted?: boolean;
};

export function CompaniesTable({ companies, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <PartyTable
      items={companies}
      path="companies"
      entity="company"
      leading={[{ header: t('companies.fields.inn'), cell: (company) => company.inn ?? t('common.none') }]}
      trailing={[
        { header: t('companies.createdAt'), cell: (company) => formatDate(company.createdAt), nowrap: true },
      ]}
      {...rest}
    />
  );
}
