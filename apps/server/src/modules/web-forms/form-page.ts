import { escapeHtml } from '@voronka/domain';
import type { PublicForm } from './web-forms.service';

const inputTypes = {
  contactName: 'text',
  phone: 'tel',
  email: 'email',
  company: 'text',
  comment: 'text',
} as const;
const autocomplete = {
  contactName: 'name',
  phone: 'tel',
  email: 'email',
  company: 'organization',
  comment: 'off',
};
const sendLabel = { ru: 'Отправить', en: 'Send' };

// Plain HTML with no script, so the page works in any website's iframe under our strict CSP.
const style = `
  body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: #1f2933; background: #fff; }
  form, .done { max-width: 420px; }
  h1 { font-size: 20px; margin: 0 0 16px; }
  label { display: block; font-size: 14px; margin: 12px 0 4px; }
  input, textarea { box-sizing: border-box; width: 100%; padding: 8px 10px; font: inherit; border: 1px solid #c4cdd5; border-radius: 6px; }
  textarea { min-height: 90px; }
  .error { color: #c92a2a; font-size: 13px; margin-top: 4px; }
  .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  button { margin-top: 16px; padding: 10px 20px; font: inherit; color: #fff; background: #1c7ed6; border: 0; border-radius: 6px; cursor: pointer; }
  .done { font-size: 16px; }`;

function page(language: string, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${style}</style></head><body>${body}</body></html>`;
}

/**
 * The form as a visitor sees it, with what they typed and what was wrong with it after a refused
 * try. Hidden fields carry the UTM tags and the page the form was embedded on (from the address).
 */
export function formPage(
  form: PublicForm,
  action: string,
  carried: Record<string, string>,
  typed: Record<string, string> = {},
  errors: Record<string, string> = {},
): string {
  const fields = form.fields
    .map(({ field, label, required }) => {
      const id = `f-${field}`;
      const value = escapeHtml(typed[field] ?? '');
      const mark = required ? ' *' : '';
      const control =
        field === 'comment'
          ? `<textarea id="${id}" name="${field}"${required ? ' required' : ''}>${value}</textarea>`
          : `<input id="${id}" name="${field}" type="${inputTypes[field]}" autocomplete="${autocomplete[field]}" value="${value}"${required ? ' required' : ''}>`;
      const error = errors[field] ? `<div class="error" role="alert">${escapeHtml(errors[field])}</div>` : '';
      return `<label for="${id}">${escapeHtml(label)}${mark}</label>${control}${error}`;
    })
    .join('\n');
  const hidden = Object.entries(carried)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return page(
    form.language,
    form.name,
    `<form method="post" action="${escapeHtml(action)}" novalidate>
<h1>${escapeHtml(form.name)}</h1>
${fields}
<div class="trap" aria-hidden="true"><label for="f-homepage">Homepage</label><input id="f-homepage" name="homepage" tabindex="-1" autocomplete="off"></div>
${hidden}
<button type="submit">${sendLabel[form.language]}</button>
</form>`,
  );
}

export function thanksPage(form: PublicForm): string {
  return page(
    form.language,
    form.name,
    `<div class="done" role="status">${escapeHtml(form.successMessage)}</div>`,
  );
}
