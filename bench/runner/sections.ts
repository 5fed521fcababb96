import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Puts `section` into the results file between `<!-- id -->` and `<!-- /id -->`, replacing what was
 * there, or at the end when the file has no such section yet. Everything else stays as it is.
 */
export function writeMarkedSection(file: string, id: string, section: string): void {
  const open = `<!-- ${id} -->`;
  const close = `<!-- /${id} -->`;
  const block = `${open}\n${section}\n${close}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  text =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + close.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}
