import { z } from 'zod';
import { normalizePhone } from './phone';

/** What a website form can ask a visitor; each answer lands in the lead it makes. */
export const webFormFields = ['contactName', 'phone', 'email', 'company', 'comment'] as const;
export const WebFormField = z.enum(webFormFields);
export type WebFormField = z.infer<typeof WebFormField>;
export const webFormLanguages = ['ru', 'en'] as const;

/** The visitor's side of the form: labels by language, unless the form gives its own. */
export const webFormLabels: Record<(typeof webFormLanguages)[number], Record<WebFormField, string>> = {
  ru: { contactName: 'Имя', phone: 'Телефон', email: 'E-mail', company: 'Компания', comment: 'Комментарий' },
  en: { contactName: 'Name', phone: 'Phone', email: 'Email', company: 'Company', comment: 'Comment' },
};

const FormFieldSetting = z.strictObject({
  field: WebFormField,
  label: z.string().trim().max(100).nullable().default(null),
  required: z.boolean().default(false),
});

const formSettings = {
  name: z.string().trim().min(1).max(200),
  fields: z
    .array(FormFieldSetting)
    .min(1)
    .max(webFormFields.length)
    .superRefine((fields, context) => {
      const seen = new Set<string>();
      fields.forEach((item, index) => {
        if (seen.has(item.field))
          context.addIssue({ code: 'custom', path: [index, 'field'], message: 'Asked twice' });
        seen.add(item.field);
      });
      // A request nobody can answer is lost: the form must ask for a way to reach the visitor.
      if (!fields.some((item) => item.field === 'phone' || item.field === 'email'))
        context.addIssue({ code: 'custom', path: [], message: 'Ask for a phone or an e-mail' });
    }),
  /** The lead's source, for the lead-sources report. */
  source: z.string().trim().max(100).nullable().default('website'),
  /** Who gets the leads and the task to call back; nobody: the lead waits for whoever assigns leads. */
  responsibleId: z.uuid().nullable().default(null),
  successMessage: z.string().trim().max(500).nullable().default(null),
  language: z.enum(webFormLanguages).default('ru'),
  enabled: z.boolean().default(true),
};

export const WebFormInput = z.strictObject(formSettings);
export const UpdateWebFormInput = z.strictObject(formSettings).partial();

export const WebForm = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The form's public address and embed code carry this key, never the id. */
    publicKey: z.string(),
    fields: z.array(z.object({ field: WebFormField, label: z.string().nullable(), required: z.boolean() })),
    source: z.string().nullable(),
    responsibleId: z.uuid().nullable(),
    successMessage: z.string().nullable(),
    language: z.enum(webFormLanguages),
    enabled: z.boolean(),
    submissions: z.number().int(),
    lastSubmittedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebForm' });
export type WebForm = z.infer<typeof WebForm>;

const utmKeys = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;

/**
 * What a visitor sends: the form's fields as strings, UTM tags of the page they came from, and
 * `homepage`, a field hidden from people that only robots fill in. Anything else is refused by name,
 * so a website's developer sees at once a field the form does not take.
 */
export const WebFormSubmission = z.strictObject({
  contactName: z.string().max(200).optional(),
  phone: z.string().max(50).optional(),
  email: z.string().max(200).optional(),
  company: z.string().max(200).optional(),
  comment: z.string().max(5000).optional(),
  page: z.string().max(2000).optional(),
  homepage: z.string().max(2000).optional(),
  ...Object.fromEntries(utmKeys.map((key) => [key, z.string().max(200).optional()])),
});
export type WebFormSubmission = z.infer<typeof WebFormSubmission>;

/** The key in a form's address: what `newToken` gives, cut to 24 characters. */
export const webFormKeyPattern = /^[\w-]{24}$/;

export interface SubmissionProblem {
  field: WebFormField;
  problem: 'required' | 'phone' | 'email';
}

export interface ReadSubmission {
  values: Partial<Record<WebFormField, string>>;
  utm: Record<string, string>;
  problems: SubmissionProblem[];
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads a visitor's answers against the form: trims them, keeps only the fields the form asks,
 * writes the phone as E.164, and lists every answer that is missing or unreadable.
 *
 * @example readSubmission([{ field: 'phone', label: null, required: true }], { phone: '8 912 345 67 89' })
 * // { values: { phone: '+79123456789' }, utm: {}, problems: [] }
 */
export function readSubmission(
  fields: readonly { field: WebFormField; required: boolean }[],
  sent: Record<string, unknown>,
): ReadSubmission {
  const values: Partial<Record<WebFormField, string>> = {};
  const problems: SubmissionProblem[] = [];
  for (const { field, required } of fields) {
    const raw = typeof sent[field] === 'string' ? (sent[field] as string).trim() : '';
    if (!raw) {
      if (required) problems.push({ field, problem: 'required' });
      continue;
    }
    if (field === 'phone') {
      const phone = normalizePhone(raw);
      if (phone) values.phone = phone;
      else problems.push({ field, problem: 'phone' });
    } else if (field === 'email') {
      if (emailPattern.test(raw)) values.email = raw.toLowerCase();
      else problems.push({ field, problem: 'email' });
    } else values[field] = raw;
  }
  if (problems.length === 0 && !values.phone && !values.email) {
    const contact =
      fields.find((item) => item.field === 'phone') ?? fields.find((item) => item.field === 'email');
    if (contact) problems.push({ field: contact.field, problem: 'required' });
  }
  const utm: Record<string, string> = {};
  for (const key of utmKeys) {
    const value = sent[key];
    if (typeof value === 'string' && value.trim()) utm[key.slice(4)] = value.trim();
  }
  return { values, utm, problems };
}
