import {
  approveOrReject,
  commentField,
  end,
  endsOn,
  exclusive,
  headOfInitiator,
  initiator,
  notify,
  parallel,
  recordAbsence,
  role,
  start,
  startsOn,
  userTask,
  whoAsks,
} from './steps';
import { flow, type ProcessTemplateDefinition, text } from './template-model';

/** The head approves the dates; HR and accounting prepare the papers side by side; the chart shows it. */
export const vacation: ProcessTemplateDefinition = {
  key: 'vacation',
  category: 'hr',
  runsOn: null,
  name: text('Оформление отпуска', 'Vacation'),
  description: text(
    'Сотрудник указывает даты отпуска, руководитель согласует, отдел кадров и бухгалтерия оформляют документы, отпуск попадает в график отсутствий, сотруднику приходит уведомление.',
    'An employee gives the vacation dates, the head approves, HR and accounting prepare the papers, the vacation goes into the absence chart and the employee is notified.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Заявление на отпуск', 'Vacation request'), initiator, [
      startsOn,
      endsOn,
      commentField,
    ]),
    userTask(
      'approve',
      text('Согласовать отпуск', 'Approve the vacation'),
      headOfInitiator,
      [commentField],
      approveOrReject,
    ),
    exclusive('decided', text('Согласован?', 'Approved?')),
    parallel('split'),
    userTask('order', text('Оформить приказ об отпуске', 'Prepare the vacation order'), role('hr'), [
      commentField,
    ]),
    userTask('vacationPay', text('Начислить отпускные', 'Calculate the vacation pay'), role('accountant'), [
      commentField,
    ]),
    parallel('joined'),
    recordAbsence('recordVacation', 'vacation'),
    notify(
      'tellApproved',
      text('Сообщить о согласовании', 'Tell about the approval'),
      'initiatorId',
      text(
        '"Отпуск согласован: " + string(startsOn) + " — " + string(endsOn)',
        '"Vacation approved: " + string(startsOn) + " to " + string(endsOn)',
      ),
    ),
    notify(
      'tellRejected',
      text('Сообщить об отказе', 'Tell about the refusal'),
      'initiatorId',
      text(
        '"Отпуск не согласован, обсудите даты с руководителем."',
        '"Vacation not approved; discuss the dates with your head."',
      ),
    ),
    end('approved', text('Оформлен', 'Arranged')),
    end('rejected', text('Не согласован', 'Not approved')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'approve'),
    flow('approve', 'decided'),
    flow('decided', 'split', { when: 'decision = "approve"', name: text('Да', 'Yes') }),
    flow('decided', 'tellRejected', { otherwise: true, name: text('Нет', 'No') }),
    flow('split', 'order'),
    flow('split', 'vacationPay'),
    flow('order', 'joined'),
    flow('vacationPay', 'joined'),
    flow('joined', 'recordVacation'),
    flow('recordVacation', 'tellApproved'),
    flow('tellApproved', 'approved'),
    flow('tellRejected', 'rejected'),
  ],
};
