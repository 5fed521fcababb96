/**
 * Text made safe inside HTML, in an element or a quoted attribute: the five characters that could end
 * either are written as numeric character references.
 *
 * @example escapeHtml('<b title="x">') // '&#60;b title=&#34;x&#34;&#62;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
