import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../app/locales/en';
import { ru } from '../app/locales/ru';
import { nameSource, sourceFromText, sourceOptions } from './sources';

/** `t` as the app gets it: i18next with the app's own texts. */
function tOf(messages: typeof en): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { any: { translation: messages } }, lng: 'any', initAsync: false });
  return i18n.t;
}

describe('a source field', () => {
  const tRu = tOf(ru);
  const tEn = tOf(en);

  it('stores a system source picked by its name as its code, and anything else as typed', () => {
    expect(sourceFromText(tRu, 'Мероприятие')).toBe('event');
    expect(sourceFromText(tEn, 'Existing client')).toBe('existing_client');
    expect(sourceFromText(tRu, 'Выставка ЭкспоПак')).toBe('Выставка ЭкспоПак');
    // Half a name, another case or a trailing space is still someone typing: kept as typed.
    expect(sourceFromText(tRu, 'Мероп')).toBe('Мероп');
    expect(sourceFromText(tRu, 'мероприятие')).toBe('мероприятие');
    expect(sourceFromText(tRu, 'Сайт ')).toBe('Сайт ');
    expect(sourceFromText(tRu, '')).toBe('');
  });

  it('shows what it stores in the UI language', () => {
    expect(nameSource(tRu, 'event')).toBe('Мероприятие');
    expect(nameSource(tEn, 'event')).toBe('Event');
    expect(nameSource(tEn, 'Выставка ЭкспоПак')).toBe('Выставка ЭкспоПак');
  });

  it('offers the system sources by name first, then people’s own, each once', () => {
    expect(sourceOptions(tRu, ['website', 'Выставка ЭкспоПак', 'phone', 'Сарафан'])).toEqual([
      'Сайт',
      'Телефон',
      'Эл. почта',
      'Реклама',
      'Рекомендация',
      'Мероприятие',
      'Действующий клиент',
      'Выставка ЭкспоПак',
      'Сарафан',
    ]);
    expect(sourceOptions(tEn, [])).toEqual([
      'Website',
      'Phone',
      'Email',
      'Advertising',
      'Referral',
      'Event',
      'Existing client',
    ]);
  });
});
