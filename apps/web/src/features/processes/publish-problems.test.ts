import { compileProblemCodes, feelSubjectMessages } from '@voronka/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { en } from '../../app/locales/en';
import { ru } from '../../app/locales/ru';
import { problemText, publishProblems } from './publish-problems';

const refusal = new ApiError(422, 'process_invalid', 'The process cannot be published', [
  {
    path: 'approve',
    message: 'Assignee of "Согласовать" (approve) has no value',
    code: 'assignee_without_value',
    params: { element: '"Согласовать" (approve)' },
  },
  {
    path: 'f3',
    message: 'Condition of flow f3 "a >" is not valid FEEL: Incomplete expression',
    code: 'feel_syntax',
    params: { subject: 'condition', flow: 'f3', expression: 'a >', error: 'Incomplete expression' },
  },
  { path: 'process', message: 'Something new', code: 'a_code_from_a_newer_server' },
]);

describe('publish problems', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'ru',
      resources: { ru: { translation: ru }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
  });

  it('lists the refused elements of a process_invalid answer with their codes and params', () => {
    expect(publishProblems(refusal)).toEqual([
      {
        elementId: 'approve',
        message: 'Assignee of "Согласовать" (approve) has no value',
        code: 'assignee_without_value',
        params: { element: '"Согласовать" (approve)' },
      },
      expect.objectContaining({ elementId: 'f3', code: 'feel_syntax' }),
      { elementId: '', message: 'Something new', code: 'a_code_from_a_newer_server', params: {} },
    ]);
  });

  it('words each problem in the user’s language from its code, the server’s sentence for unknown codes', async () => {
    const problems = publishProblems(refusal)!;
    const t = i18next.getFixedT('ru');
    expect(problems.map((problem) => problemText(t, problem))).toEqual([
      'У исполнителя задачи "Согласовать" (approve) не указано, кто это',
      'Условие потока f3 «a >» — ошибка FEEL: Incomplete expression',
      'Something new',
    ]);
    const english = i18next.getFixedT('en');
    expect(problemText(english, problems[1]!)).toBe(
      'Condition of flow f3 “a >” is not valid FEEL: Incomplete expression',
    );
  });

  it('has a wording for every code the compiler knows, in both languages', () => {
    for (const messages of [en, ru]) {
      expect(Object.keys(messages.processesMore.problems).sort()).toEqual([...compileProblemCodes].sort());
      expect(Object.keys(messages.processesMore.feelSubjects).sort()).toEqual(
        Object.keys(feelSubjectMessages).sort(),
      );
    }
  });

  it('is null for any other failure', () => {
    expect(publishProblems(new ApiError(409, 'conflict', 'There is no draft'))).toBeNull();
    expect(publishProblems(new Error('offline'))).toBeNull();
  });
});
