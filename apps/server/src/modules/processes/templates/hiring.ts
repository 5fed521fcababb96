import {
  commentField,
  end,
  initiator,
  notify,
  parallel,
  person,
  role,
  start,
  userTask,
  whoAsks,
} from './steps';
import { field, flow, type ProcessTemplateDefinition, text } from './template-model';

/**
 * A new employee: HR signs the papers and the mentor prepares the workplace side by side, then the
 * newcomer reads the company's documents one after another, and the author is told.
 */
export const hiring: ProcessTemplateDefinition = {
  key: 'hiring',
  category: 'hr',
  runsOn: null,
  name: text('Приём на работу', 'Hiring'),
  description: text(
    'Вносятся данные нового сотрудника; отдел кадров оформляет документы, наставник готовит рабочее место и план адаптации, новичок по очереди знакомится с документами компании.',
    "The new employee's details are entered; HR prepares the papers, the mentor prepares the workplace and the onboarding plan, and the newcomer reads the company's documents one by one.",
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Данные нового сотрудника', 'New employee'), initiator, [
      field('newEmployee', 'user', text('Сотрудник', 'Employee'), { required: true }),
      field('position', 'text', text('Должность', 'Position'), { required: true }),
      field('startsOn', 'date', text('Первый рабочий день', 'First working day'), { required: true }),
      field('mentor', 'user', text('Наставник', 'Mentor'), { required: true }),
    ]),
    parallel('split'),
    userTask('papers', text('Оформить документы о приёме', 'Prepare the hiring papers'), role('hr'), [
      commentField,
    ]),
    userTask(
      'onboarding',
      text('Подготовить рабочее место и план адаптации', 'Prepare the workplace and onboarding plan'),
      person('mentor'),
      [commentField],
    ),
    parallel('joined'),
    userTask(
      'readDocuments',
      text('Ознакомиться с документом', 'Read the document'),
      person('newEmployee'),
      [field('confirmed', 'boolean', text('Ознакомлен', 'I have read it'), { required: true })],
      {
        multiInstance: {
          collection: text(
            '["Правила внутреннего трудового распорядка", "Должностная инструкция", "Регламент работы в CRM"]',
            '["Internal work rules", "Job description", "CRM work rules"]',
          ),
          elementVariable: 'document',
          sequential: true,
        },
      },
    ),
    notify(
      'tellDone',
      text('Сообщить о приёме', 'Tell it is done'),
      '[initiatorId, mentor][item != null]',
      text('"Новый сотрудник оформлен: " + position', '"The new employee is on board: " + position'),
    ),
    end('done', text('Принят', 'Hired')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'split'),
    flow('split', 'papers'),
    flow('split', 'onboarding'),
    flow('papers', 'joined'),
    flow('onboarding', 'joined'),
    flow('joined', 'readDocuments'),
    flow('readDocuments', 'tellDone'),
    flow('tellDone', 'done'),
  ],
};
