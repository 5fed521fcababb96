import { commentField, end, initiator, notify, person, start, userTask, whoAsks } from './steps';
import { field, flow, type ProcessTemplateDefinition, text } from './template-model';

/**
 * A document to read by chosen people and departments (start variables `people` and `departments`,
 * lists of ids) by a deadline: one task each; when all have read it, or the deadline passes (the unread
 * tasks are withdrawn), the initiator gets the tally, kept in `tally` (completed, missed, counts).
 */
export const acknowledgement: ProcessTemplateDefinition = {
  key: 'acknowledgement',
  category: 'documents',
  runsOn: null,
  name: text('Ознакомление с документом', 'Document acknowledgement'),
  description: text(
    'Документ или ссылка на него, список сотрудников и отделов (переменные people и departments при запуске) и срок. Каждый получает задание ознакомиться; после срока инициатор видит, сколько человек ознакомились и кто нет.',
    'A document or a link, the people and departments to read it (start variables people and departments) and a deadline. Each gets a task to read it; after the deadline the initiator sees how many read it and who did not.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Описать документ', 'Describe the document'), initiator, [
      field('title', 'text', text('Документ', 'Document'), { required: true }),
      field('document', 'file', text('Файл или ссылка', 'File or link')),
      field('deadline', 'date', text('Ознакомиться до', 'Read by'), { required: true }),
      commentField,
    ]),
    {
      id: 'readers',
      name: text('Кому читать', 'Who reads'),
      type: 'serviceTask',
      action: 'org.members',
      params: { users: 'people', departments: 'departments' },
    },
    userTask(
      'read',
      text('Ознакомиться с документом', 'Read the document'),
      person('reader'),
      [commentField],
      {
        dueDate: 'deadline',
        multiInstance: { collection: 'members', elementVariable: 'reader' },
      },
    ),
    {
      id: 'deadlinePassed',
      name: text('Срок истёк', 'Deadline passed'),
      type: 'boundaryTimer',
      attachedTo: 'read',
      until: 'deadline',
    },
    {
      id: 'tally',
      name: text('Подсчитать ознакомившихся', 'Count the readers'),
      type: 'serviceTask',
      action: 'tasks.tally',
      params: { element: '"read"' },
      resultVariable: 'tally',
    },
    notify(
      'tellTally',
      text('Сообщить итог', 'Tell the tally'),
      'initiatorId',
      text(
        '"Ознакомились " + string(tally.completedCount) + " из " + string(tally.total) + ": " + title',
        '"Read by " + string(tally.completedCount) + " of " + string(tally.total) + ": " + title',
      ),
    ),
    end('done', text('Итог подведён', 'Tallied')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'readers'),
    flow('readers', 'read'),
    flow('read', 'tally', { name: text('Все ознакомились', 'All have read') }),
    flow('deadlinePassed', 'tally'),
    flow('tally', 'tellTally'),
    flow('tellTally', 'done'),
  ],
};
