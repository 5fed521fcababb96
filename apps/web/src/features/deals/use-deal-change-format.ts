import type { Deal, Pipeline } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatDateTime, formatMoney } from '../../ui/format';
import { nameSource } from '../../ui/sources';
import { useCompanyNames } from '../companies/api';
import { useContactNames } from '../contacts/api';
import type { ChangeFormat } from '../timeline/components/RecordTimeline';
import { useUserNames } from '../users/api';

const dealFields = [
  'title',
  'amount',
  'currency',
  'probability',
  'expectedCloseDate',
  'responsibleId',
  'companyId',
  'contactId',
  'source',
  'stageId',
  'pipelineId',
  'lostReason',
  'closedAt',
  'leadId',
  'products',
  'custom',
  'gateOverride',
  'deleted',
] as const;
type DealField = (typeof dealFields)[number];
const isDealField = (field: string): field is DealField => (dealFields as readonly string[]).includes(field);

type LinkedNames = Pick<Deal, 'companyId' | 'companyName' | 'contactId' | 'contactName'>;

/**
 * How a deal's changes read: translated field names, stages and people by name, money as money. The
 * deal's current company and contact are named by the deal itself; only earlier ones are looked up.
 */
export function useDealChangeFormat(
  pipelines: Pipeline[],
  deal: LinkedNames,
  earlier: { companyIds: string[]; contactIds: string[] },
): ChangeFormat {
  const { t } = useTranslation();
  const users = useUserNames();
  const companies = useCompanyNames(earlier.companyIds.filter((id) => id !== deal.companyId));
  const contacts = useContactNames(earlier.contactIds.filter((id) => id !== deal.contactId));
  if (deal.companyId && deal.companyName) companies.set(deal.companyId, deal.companyName);
  if (deal.contactId && deal.contactName) contacts.set(deal.contactId, deal.contactName);
  const stages = new Map(
    pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.name])),
  );
  const pipelineNames = new Map(pipelines.map((pipeline) => [pipeline.id, pipeline.name]));

  const fieldLabel = (field: string) => (isDealField(field) ? t(`deals.fields.${field}`) : field);

  const formatValue = (field: string, value: unknown): string => {
    const none = t('common.none');
    if (value === null || value === undefined || value === '') return none;
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    const text = String(value);
    switch (field) {
      case 'amount':
        return typeof value === 'number' ? formatMoney(value) : text;
      case 'stageId':
        return stages.get(text) ?? text;
      case 'pipelineId':
        return pipelineNames.get(text) ?? text;
      case 'responsibleId':
        return users.get(text) ?? text;
      case 'companyId':
        return companies.get(text) ?? text;
      case 'contactId':
        return contacts.get(text) ?? text;
      case 'expectedCloseDate':
        return formatCalendarDate(text);
      case 'closedAt':
        return formatDateTime(text);
      case 'probability':
        return `${text}%`;
      case 'source':
        return nameSource(t, text);
      default:
        if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : none;
        if (typeof value === 'object') return JSON.stringify(value);
        return text;
    }
  };

  return { fieldLabel, formatValue };
}
