import { formatPhone } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { useCompanyNames } from '../companies/api';
import type { ChangeFormat } from '../timeline/components/RecordTimeline';
import { useUserNames } from '../users/api';

const contactFields = ['name', 'position', 'companyId', 'phones', 'emails', 'responsibleId'] as const;
type ContactField = (typeof contactFields)[number];
const isContactField = (field: string): field is ContactField =>
  (contactFields as readonly string[]).includes(field);

/** How a contact's changes read: field names in the UI language, phones formatted, names for ids. */
export function useContactChangeFormat(companyIds: string[]): ChangeFormat {
  const { t } = useTranslation();
  const users = useUserNames();
  const companies = useCompanyNames(companyIds);
  return {
    fieldLabel: (field) => (isContactField(field) ? t(`contacts.fields.${field}`) : field),
    formatValue: (field, value) => {
      if (value === null || value === undefined || value === '') return t('common.none');
      if (field === 'phones' && Array.isArray(value))
        return value.map((phone) => formatPhone(String(phone))).join(', ') || t('common.none');
      if (Array.isArray(value)) return value.join(', ') || t('common.none');
      if (field === 'responsibleId') return users.get(String(value)) ?? String(value);
      if (field === 'companyId') return companies.get(String(value)) ?? String(value);
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
    },
  };
}
