import { formatPhone } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import type { ChangeFormat } from '../timeline/components/RecordTimeline';
import { useUserNames } from '../users/api';

const companyFields = [
  'name',
  'inn',
  'kpp',
  'address',
  'region',
  'phones',
  'emails',
  'responsibleId',
] as const;
type CompanyField = (typeof companyFields)[number];
const isCompanyField = (field: string): field is CompanyField =>
  (companyFields as readonly string[]).includes(field);

/** How a company's changes read: field names in the UI language, phones formatted, people by name. */
export function useCompanyChangeFormat(): ChangeFormat {
  const { t } = useTranslation();
  const users = useUserNames();
  return {
    fieldLabel: (field) => (isCompanyField(field) ? t(`companies.fields.${field}`) : field),
    formatValue: (field, value) => {
      if (value === null || value === undefined || value === '') return t('common.none');
      if (field === 'phones' && Array.isArray(value))
        return value.map((phone) => formatPhone(String(phone))).join(', ') || t('common.none');
      if (Array.isArray(value)) return value.join(', ') || t('common.none');
      if (field === 'responsibleId') return users.get(String(value)) ?? String(value);
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
    },
  };
}
