import { isFileReference, isStoredFile, type ProcessTask, type StoredFile } from '@voronka/domain';

type FormField = ProcessTask['form'][number];

/** What the inbox form holds per field: text for inputs, a flag for checkboxes, an uploaded file. */
export type FormValue = string | boolean | StoredFile;

/** The form's starting values: what the task already carries, else empty. */
export function initialFormValues(
  form: readonly FormField[],
  values: Readonly<Record<string, unknown>>,
): Record<string, FormValue> {
  const initial: Record<string, FormValue> = {};
  for (const field of form) {
    const value = values[field.id];
    if (field.type === 'boolean') initial[field.id] = value === true;
    else if (field.type === 'file' && isStoredFile(value)) initial[field.id] = value;
    else initial[field.id] = value === undefined || value === null ? '' : String(value);
  }
  return initial;
}

/**
 * The values to send when completing: numbers as numbers, checkboxes as booleans, an uploaded file as
 * the stored file (the server checks it and describes it anew), empty fields left out
 * (so that the server names a required one as missing).
 *
 * @example formOutput([{ id: 'sum', label: 'Sum', type: 'money' }], { sum: '1500.5' }) // { sum: 1500.5 }
 */
export function formOutput(
  form: readonly FormField[],
  values: Readonly<Record<string, FormValue>>,
): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const field of form) {
    const value = values[field.id];
    if (typeof value === 'boolean' || isFileReference(value)) {
      output[field.id] = value;
      continue;
    }
    const text = (value ?? '').trim();
    if (!text) continue;
    if (field.type === 'number' || field.type === 'money') {
      const number = Number(text.replace(/\s/g, '').replace(',', '.'));
      output[field.id] = Number.isFinite(number) ? number : text;
    } else {
      output[field.id] = text;
    }
  }
  return output;
}

/** The server's field errors (`values.<field id>`) by field id. */
export function formFieldErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith('values.')) byField[path.slice('values.'.length)] = message;
  }
  return byField;
}
