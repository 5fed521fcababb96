import type { z } from 'zod';
import { i18n } from '../app/i18n';

export type FieldErrors = Record<string, string>;
export type Validation<Output> = { ok: true; data: Output } | { ok: false; errors: FieldErrors };

function issueMessage(issue: z.core.$ZodIssue): string {
  // Phone inputs are normalised by a transform whose only failure is "not a phone number".
  if (issue.code === 'custom' && issue.path.at(-1) === 'phone') return i18n.t('validation.phone');
  if (issue.code === 'too_small' && issue.origin === 'string') {
    const minimum = Number(issue.minimum);
    return minimum <= 1 ? i18n.t('validation.required') : i18n.t('validation.tooShort', { count: minimum });
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return i18n.t('validation.required');
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return i18n.t('validation.tooLong', { count: Number(issue.maximum) });
  }
  if (issue.code === 'invalid_format' && issue.format === 'email') return i18n.t('validation.email');
  return i18n.t('validation.invalid');
}

/**
 * Checks form values against a shared schema from @voronka/domain and translates the issues.
 *
 * @example validate(LoginBody, { email: 'x', password: '' }) // { ok: false, errors: { email: 'Enter a valid email', … } }
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  values: unknown,
): Validation<z.output<Schema>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    errors[field] ??= issueMessage(issue);
  }
  return { ok: false, errors };
}
