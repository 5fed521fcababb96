import { describe, expect, it } from 'vitest';
import { diagramTranslation } from './diagram-translations';

const translateOf = (language: string) =>
  diagramTranslation(language).translate[1] as (
    template: string,
    replacements?: Record<string, string>,
  ) => string;

describe('diagram texts', () => {
  it('are Russian where known, English otherwise, with placeholders filled', () => {
    expect(translateOf('ru')('Append task')).toBe('Добавить задачу');
    expect(translateOf('ru')('Business rule task')).toBe('Business rule task');
    expect(translateOf('en')('Append task')).toBe('Append task');
    expect(translateOf('ru')('unknown {type}', { type: 'x' })).toBe('unknown x');
  });
});
