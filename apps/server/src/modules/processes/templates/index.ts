import type { ProcessTemplate } from '@voronka/domain';
import { acknowledgement } from './acknowledgement';
import { writeTemplateXml } from './bpmn-writer';
import { businessTrip } from './business-trip';
import { contractApproval } from './contract-approval';
import { dismissal } from './dismissal';
import { documentApproval } from './document-approval';
import { hiring } from './hiring';
import { invoicePayment } from './invoice-payment';
import { leadServicing } from './lead-servicing';
import { sickLeave } from './sick-leave';
import type { ProcessTemplateDefinition, TemplateLocale } from './template-model';
import { timeOff } from './time-off';
import { vacation } from './vacation';

/** The processes that ship ready to use, in the order the catalogue shows them. */
export const processTemplates: readonly ProcessTemplateDefinition[] = [
  leadServicing,
  contractApproval,
  documentApproval,
  invoicePayment,
  acknowledgement,
  sickLeave,
  businessTrip,
  timeOff,
  vacation,
  dismissal,
  hiring,
];

/** The catalogue: what each template is called and does, in both languages. */
export function listProcessTemplates(): ProcessTemplate[] {
  return processTemplates.map(({ key, category, runsOn, name, description }) => ({
    key,
    category,
    runsOn,
    name,
    description,
  }));
}

export function findProcessTemplate(key: string): ProcessTemplateDefinition | undefined {
  return processTemplates.find((template) => template.key === key);
}

/**
 * A template's BPMN XML in one language under a fresh process id (the key plus a suffix), so the same
 * template can be created more than once in a workspace.
 *
 * @example const { xml, processId } = templateXml(leadServicing, 'ru'); // processId: 'lead-servicing-m3x9k2a'
 */
export function templateXml(
  template: ProcessTemplateDefinition,
  locale: TemplateLocale,
): { xml: string; processId: string } {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const processId = `${template.key}-${suffix}`;
  return { xml: writeTemplateXml(template, locale, processId), processId };
}
