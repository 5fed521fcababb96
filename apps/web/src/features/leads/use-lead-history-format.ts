import { formatPhone, type LeadStatus, leadStatuses, type User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { nameSource } from '../../ui/sources';
import { useCompanyNames } from '../companies/api';
import { useContactNames } from '../contacts/api';

/** Records a converted lead links to, so that its history names them rather than showing ids. */
export type LeadLinks = {
  companyIds?: string[];
  contactIds?: string[];
  /** Deal titles by id. */
  deals?: Map<string, string>;
};

const leadFields = [
  'title',
  'contactName',
  'phone',
  'email',
  'source',
  'region',
  'channel',
  'utm',
  'status',
  'refusalReason',
  'responsibleId',
  'contactId',
  'companyId',
  'dealId',
  'convertedAt',
] as const;
type LeadField = (typeof leadFields)[number];

const isLeadField = (field: string): field is LeadField => (leadFields as readonly string[]).includes(field);
const isLeadStatus = (value: unknown): value is LeadStatus =>
  typeof value === 'string' && (leadStatuses as readonly string[]).includes(value);

/** UTM tags as "source=yandex, campaign=spring"; an empty set reads as no value. */
function formatTags(value: object): string | null {
  const tags = Object.entries(value).filter(([, tag]) => tag !== undefined && tag !== null && tag !== '');
  return tags.length === 0 ? null : tags.map(([key, tag]) => `${key}=${String(tag)}`).join(', ');
}

/** How a lead's history reads: translated field names, status labels, people and linked records by name. */
export function useLeadHistoryFormat(users: User[], links: LeadLinks = {}) {
  const { t } = useTranslation();
  const names = new Map(users.map((user) => [user.id, user.name]));
  const companies = useCompanyNames(links.companyIds ?? []);
  const contacts = useContactNames(links.contactIds ?? []);

  const fieldLabel = (field: string): string => (isLeadField(field) ? t(`leads.fields.${field}`) : field);

  const formatValue = (field: string, value: unknown): string => {
    const none = t('common.none');
    if (value === null || value === undefined || value === '') return none;
    if (field === 'status' && isLeadStatus(value)) return t(`leads.status.${value}`);
    if (field === 'responsibleId' && typeof value === 'string') return names.get(value) ?? value;
    if (field === 'companyId' && typeof value === 'string')
      return companies.get(value) ?? t('entities.company');
    if (field === 'contactId' && typeof value === 'string')
      return contacts.get(value) ?? t('entities.contact');
    if (field === 'dealId' && typeof value === 'string') return links.deals?.get(value) ?? t('entities.deal');
    if (field === 'phone' && typeof value === 'string') return formatPhone(value);
    if (field === 'source' && typeof value === 'string') return nameSource(t, value);
    if (field === 'convertedAt' && typeof value === 'string') return formatDateTime(value);
    if (typeof value === 'object') return formatTags(value) ?? none;
    return String(value);
  };

  return { fieldLabel, formatValue };
}
