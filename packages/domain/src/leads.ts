import { z } from 'zod';
import { Email } from './common';

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

export const Lead = z
  .object({
    id: z.uuid(),
    title: z.string(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    source: z.string().nullable(),
    status: LeadStatus,
    responsibleId: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof Lead>;

export const CreateLeadBody = z.strictObject({
  title: z.string().trim().min(1).max(500),
  contactName: z.string().trim().max(300).nullable().default(null),
  phone: z.string().trim().max(50).nullable().default(null),
  email: Email.nullable().default(null),
  source: z.string().trim().max(100).nullable().default(null),
  status: LeadStatus.default('new'),
  responsibleId: z.uuid().nullable().optional(),
});
export type CreateLeadBody = z.infer<typeof CreateLeadBody>;

export const UpdateLeadBody = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  contactName: z.string().trim().max(300).nullable().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  email: Email.nullable().optional(),
  source: z.string().trim().max(100).nullable().optional(),
  status: LeadStatus.optional(),
  responsibleId: z.uuid().nullable().optional(),
});
export type UpdateLeadBody = z.infer<typeof UpdateLeadBody>;
