import { z } from 'zod';

export const customFieldTypes = [
  'text',
  'number',
  'money',
  'date',
  'select',
  'multiselect',
  'user',
  'boolean',
  'link',
] as const;
export const CustomFieldType = z.enum(customFieldTypes);
export type CustomFieldType = z.infer<typeof CustomFieldType>;
export const CustomFieldEntity = z.enum(['deal', 'lead', 'contact', 'company']);
export type CustomFieldEntity = z.infer<typeof CustomFieldEntity>;

export const CustomField = z
  .object({
    id: z.uuid(),
    entity: CustomFieldEntity,
    key: z.string(),
    label: z.string(),
    type: CustomFieldType,
    options: z.array(z.string()),
    position: z.number().int(),
  })
  .meta({ id: 'CustomField' });
export type CustomField = z.infer<typeof CustomField>;

export const CreateCustomFieldBody = z.strictObject({
  entity: CustomFieldEntity,
  /** Used in the API, filters, stage requirements (`custom.<key>`) and import columns. */
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/, 'Lower-case Latin letters, digits and _ , starting with a letter'),
  label: z.string().trim().min(1).max(200),
  type: CustomFieldType,
  options: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  position: z.number().int().min(0).max(1000).default(0),
});
export const UpdateCustomFieldBody = z.strictObject({
  label: z.string().trim().min(1).max(200).optional(),
  options: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

export interface CustomValueIssue {
  path: string;
  message: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function checkValue(
  field: Pick<CustomField, 'type' | 'options'>,
  value: unknown,
  userIds: ReadonlySet<string>,
): string | null {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 5000 ? null : 'must be text up to 5000 characters';
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && isoDate.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'must be a date like 2026-12-31';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'select':
      return typeof value === 'string' && field.options.includes(value)
        ? null
        : `must be one of: ${field.options.join(', ')}`;
    case 'multiselect':
      return Array.isArray(value) &&
        value.every((item) => typeof item === 'string' && field.options.includes(item))
        ? null
        : `must be a list of: ${field.options.join(', ')}`;
    case 'user':
      return typeof value === 'string' && userIds.has(value) ? null : 'must be a user of this workspace';
    case 'link':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) && value.length <= 2000
        ? null
        : 'must be an http(s) link';
  }
}

/**
 * What is wrong with a record's custom values: unknown keys and values of the wrong type, each with
 * its path. `null` clears a field and is always allowed.
 *
 * @example validateCustomValues([{ key: 'budget', type: 'money', options: [] }], { budget: 'много' }, new Set())
 * // [{ path: 'body.custom.budget', message: 'must be a number' }]
 */
export function validateCustomValues(
  fields: readonly Pick<CustomField, 'key' | 'type' | 'options'>[],
  values: Readonly<Record<string, unknown>>,
  userIds: ReadonlySet<string>,
): CustomValueIssue[] {
  const issues: CustomValueIssue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = `body.custom.${key}`;
    const field = fields.find((candidate) => candidate.key === key);
    if (!field) issues.push({ path, message: 'is not a custom field of this kind of record' });
    else if (value !== null) {
      const problem = checkValue(field, value, userIds);
      if (problem) issues.push({ path, message: problem });
    }
  }
  return issues;
}
