import {
  approveOrReject,
  commentField,
  end,
  exclusive,
  headOfInitiator,
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
 * Dismissal in steps, each with its owner: the head approves; HR prepares the papers, accounting makes
 * the final settlement and the employee hands over their work, side by side; then the author is told.
 */
export const dismissal: ProcessTemplateDefinition = {
  key: 'dismissal',
  category: 'hr',
  runsOn: null,
  name: text('Увольнение', 'Dismissal'),
  description: text(
    'Заявка на увольнение согласуется руководителем; затем отдел кадров оформляет документы, бухгалтерия делает расчёт, сотрудник передаёт дела. Автору приходит уведомление.',
    'A dismissal request is approved by the head; then HR prepares the papers, accounting makes the final settlement and the employee hands over their work. The author is notified.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Заявка на увольнение', 'Dismissal request'), initiator, [
      field('employee', 'user', text('Сотрудник', 'Employee'), { required: true }),
      field('lastDay', 'date', text('Последний рабочий день', 'Last working day'), { required: true }),
      field('reason', 'textarea', text('Причина', 'Reason')),
    ]),
    userTask(
      'approve',
      text('Согласовать увольнение', 'Approve the dismissal'),
      headOfInitiator,
      [commentField],
      approveOrReject,
    ),
    exclusive('decided', text('Согласовано?', 'Approved?')),
    parallel('split'),
    userTask('papers', text('Оформить документы на увольнение', 'Prepare the dismissal papers'), role('hr'), [
      commentField,
    ]),
    userTask(
      'settlement',
      text('Произвести окончательный расчёт', 'Make the final settlement'),
      role('accountant'),
      [field('amount', 'money', text('Сумма расчёта', 'Settlement amount'), { required: true })],
    ),
    userTask('handOver', text('Передать дела', 'Hand over the work'), person('employee'), [
      field('successor', 'user', text('Кому переданы дела', 'Handed over to'), { required: true }),
      commentField,
    ]),
    parallel('joined'),
    notify(
      'tellDone',
      text('Сообщить об оформлении', 'Tell it is done'),
      'initiatorId',
      text(
        '"Увольнение оформлено, последний день: " + string(lastDay)',
        '"Dismissal arranged, last day: " + string(lastDay)',
      ),
    ),
    notify(
      'tellRejected',
      text('Сообщить об отказе', 'Tell about the refusal'),
      'initiatorId',
      text('"Заявка на увольнение не согласована"', '"The dismissal request was not approved"'),
    ),
    end('done', text('Оформлено', 'Arranged')),
    end('rejected', text('Не согласовано', 'Not approved')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'approve'),
    flow('approve', 'decided'),
    flow('decided', 'split', { when: 'decision = "approve"', name: text('Да', 'Yes') }),
    flow('decided', 'tellRejected', { otherwise: true, name: text('Нет', 'No') }),
    flow('split', 'papers'),
    flow('split', 'settlement'),
    flow('split', 'handOver'),
    flow('papers', 'joined'),
    flow('settlement', 'joined'),
    flow('handOver', 'joined'),
    flow('joined', 'tellDone'),
    flow('tellDone', 'done'),
    flow('tellRejected', 'rejected'),
  ],
};
