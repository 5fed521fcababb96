import { z } from 'zod';
import { EmailInput, PhoneInput, RegionInput } from './companies';

export const leadStatuses = [
  'new',
  'in_work',
  'qualified_mql',
  'qualified_sql',
  'converted',
  'refused',
] as const;
export const LeadStatus = z.enum(leadStatuses);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const Utm = z.strictObject({
  source: z.string().max(200).optional(),
  medium: z.string().max(200).optional(),
  campaign: z.string().max(200).optional(),
  term: z.string().max(200).optional(),
  content: z.string().max(200).optional(),
});

export const Lead = z
  .object({
    id: z.uuid(),
    title: z.string(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    source: z.string().nullable(),
    region: z.string().nullable(),
    channel: z.string().nullable(),
    utm: Utm,
    status: LeadStatus,
    refusalReason: z.string().nullable(),
    responsibleId: z.uuid().nullable(),
    contactId: z.uuid().nullable(),
    companyId: z.uuid().nullable(),
    dealId: z.uuid().nullable(),
    convertedAt: z.string().nullable(),
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof Lead>;

const leadFields = {
  title: z.string().trim().min(1).max(500),
  contactName: z.string().trim().max(300).nullable(),
  phone: PhoneInput.nullable(),
  email: EmailInput.nullable(),
  source: z.string().trim().max(100).nullable(),
  region: RegionInput,
  channel: z.string().trim().max(100).nullable(),
  utm: Utm,
  responsibleId: z.uuid().nullable(),
  custom: z.record(z.string(), z.unknown()),
};

export const CreateLeadBody = z.strictObject({
  ...leadFields,
  contactName: leadFields.contactName.default(null),
  phone: leadFields.phone.default(null),
  email: leadFields.email.default(null),
  source: leadFields.source.default(null),
  region: leadFields.region.default(null),
  channel: leadFields.channel.default(null),
  utm: leadFields.utm.default({}),
  custom: leadFields.custom.default({}),
  status: z.enum(['new', 'in_work', 'qualified_mql', 'qualified_sql']).default('new'),
  responsibleId: leadFields.responsibleId.optional(),
});
export type CreateLeadBody = z.infer<typeof CreateLeadBody>;

/** Conversion is its own command; refusing needs a reason from the caller's list. */
export const UpdateLeadBody = z
  .strictObject({
    ...leadFields,
    status: z.enum(['new', 'in_work', 'qualified_mql', 'qualified_sql', 'refused']),
    refusalReason: z.string().trim().min(1).max(300).nullable(),
  })
  .partial();
export type UpdateLeadBody = z.infer<typeof UpdateLeadBody>;

/**
 * Turn a lead into a contact, a company (optional) and a deal. Existing records may be linked
 * instead of created; by default the contact and company come from the lead's own fields.
 */
export const ConvertLeadBody = z.strictObject({
  contactId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  /** A company to create when no companyId is given; none is created when both are absent. */
  companyName: z.string().trim().min(1).max(500).optional(),
  deal: z
    .strictObject({
      title: z.string().trim().min(1).max(500).optional(),
      pipelineId: z.uuid().optional(),
      amount: z.number().min(0).max(1e13).optional(),
    })
    .default({}),
});

export const ConvertedLead = z
  .object({ lead: Lead, contactId: z.uuid(), companyId: z.uuid().nullable(), dealId: z.uuid() })
  .meta({ id: 'ConvertedLead' });

export const RefusalReason = z
  .object({ id: z.uuid(), name: z.string(), roles: z.array(z.string()) })
  .meta({ id: 'RefusalReason' });
export type RefusalReason = z.infer<typeof RefusalReason>;
