import {
  approveOrReject,
  end,
  exclusive,
  headOfInitiator,
  initiator,
  notify,
  recordAbsence,
  role,
  start,
  userTask,
  whoAsks,
} from './steps';
import { choice, field, flow, type ProcessTemplateDefinition, text } from './template-model';

/**
 * A day (or hours) off, unpaid or for time worked before: the head approves, accounting takes note, the
 * day goes into the absence chart; a refusal is told to the author and their head.
 */
export const timeOff: ProcessTemplateDefinition = {
  key: 'time-off',
  category: 'hr',
  runsOn: null,
  name: text('Заявление на отгул', 'Time off'),
  description: text(
    'Сотрудник указывает дату, причину и вид отработки: за свой счёт или за ранее отработанное время. Руководитель согласует, бухгалтерия учитывает, отгул попадает в график отсутствий.',
    'An employee gives the date, the reason and how it is covered: unpaid or for hours worked before. The head approves, accounting takes note, the time off goes into the absence chart.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Заявление на отгул', 'Time off request'), initiator, [
      choice('timeOffKind', text('Вид отгула', 'Kind'), [
        ['unpaid', text('За свой счёт', 'Unpaid')],
        ['worked', text('За ранее отработанное время', 'For hours worked before')],
      ]),
      field('startsOn', 'date', text('Дата', 'Date'), { required: true }),
      field('hours', 'number', text('Часов (если не весь день)', 'Hours (if not the whole day)')),
      field('comment', 'textarea', text('Причина', 'Reason'), { required: true }),
    ]),
    userTask(
      'approve',
      text('Согласовать отгул', 'Approve the time off'),
      headOfInitiator,
      [],
      approveOrReject,
    ),
    exclusive('decided', text('Согласован?', 'Approved?')),
    userTask('account', text('Учесть отгул', 'Take note of the time off'), role('accountant'), [
      field('noted', 'boolean', text('Учтено в табеле', 'Noted in the timesheet'), { required: true }),
    ]),
    recordAbsence(
      'recordTimeOff',
      { expression: 'if timeOffKind = "worked" then "time_off_worked" else "time_off_unpaid"' },
      { endsOn: 'startsOn', hours: 'hours' },
    ),
    notify(
      'tellApproved',
      text('Сообщить о согласовании', 'Tell about the approval'),
      'initiatorId',
      text('"Отгул согласован на " + string(startsOn)', '"Time off approved for " + string(startsOn)'),
    ),
    notify(
      'tellRejected',
      text('Сообщить об отказе автору и руководителю', 'Tell the author and the head'),
      '[initiatorId, initiatorHeadId][item != null]',
      text('"Отгул не согласован на " + string(startsOn)', '"Time off not approved for " + string(startsOn)'),
    ),
    end('approved', text('Согласован', 'Approved')),
    end('rejected', text('Не согласован', 'Not approved')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'approve'),
    flow('approve', 'decided'),
    flow('decided', 'account', { when: 'decision = "approve"', name: text('Да', 'Yes') }),
    flow('decided', 'tellRejected', { otherwise: true, name: text('Нет', 'No') }),
    flow('account', 'recordTimeOff'),
    flow('recordTimeOff', 'tellApproved'),
    flow('tellApproved', 'approved'),
    flow('tellRejected', 'rejected'),
  ],
};
