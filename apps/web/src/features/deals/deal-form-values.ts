import type { Deal } from '@voronka/domain';
import { changedCustomValues } from '../custom-fields/custom-values';

/** What the deal form edits: empty inputs are '' (text, numbers) or null (pickers). */
export type DealFormValues = {
  title: string;
  amount: number | '';
  currency: string;
  probability: number | '';
  expectedCloseDate: string;
  responsibleId: string | null;
  companyId: string | null;
  contactId: string | null;
  source: string;
  custom: Record<string, unknown>;
};

export function dealToValues(deal: Deal): DealFormValues {
  return {
    title: deal.title,
    amount: deal.amount,
    currency: deal.currency,
    probability: deal.probability ?? '',
    expectedCloseDate: deal.expectedCloseDate ?? '',
    responsibleId: deal.responsibleId,
    companyId: deal.companyId,
    contactId: deal.contactId,
    source: deal.source ?? '',
    custom: { ...deal.custom },
  };
}

/**
 * The PATCH body: only fields that differ from the saved deal. The amount is left out when product
 * lines set it, since the server computes it from them.
 *
 * @example dealChanges(deal, { ...dealToValues(deal), amount: 40000 }, false) // { amount: 40000 }
 */
export function dealChanges(deal: Deal, values: DealFormValues, amountFromProducts: boolean) {
  const next = {
    title: values.title.trim(),
    amount: values.amount === '' ? 0 : values.amount,
    currency: values.currency.trim().toUpperCase(),
    probability: values.probability === '' ? null : values.probability,
    expectedCloseDate: values.expectedCloseDate || null,
    responsibleId: values.responsibleId,
    companyId: values.companyId,
    contactId: values.contactId,
    source: values.source.trim() || null,
  };
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (field === 'amount' && amountFromProducts) continue;
    if (value !== deal[field as keyof typeof next]) changes[field] = value;
  }
  const custom = changedCustomValues(deal.custom, values.custom);
  if (Object.keys(custom).length > 0) changes.custom = { ...deal.custom, ...custom };
  return changes;
}
