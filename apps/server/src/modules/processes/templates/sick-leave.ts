import {
  approveOrReject,
  commentField,
  end,
  endsOn,
  exclusive,
  headOfInitiator,
  initiator,
  notify,
  recordAbsence,
  role,
  start,
  startsOn,
  userTask,
  whoAsks,
} from './steps';
import { choice, field, flow, type ProcessTemplateDefinition, text } from './template-model';

/**
 * An employee who fell ill picks one of three ways to be absent: an official sick note, working from
 * home, or a day off at their own expense. The head confirms; each way then has its own steps and
 * instructions, and an absence goes into the chart (working from home is not one).
 */
export const sickLeave: ProcessTemplateDefinition = {
  key: 'sick-leave',
  category: 'hr',
  runsOn: null,
  name: text('Оформление больничного', 'Sick leave'),
  description: text(
    'Три варианта: официальный больничный лист, работа из дома, отгул за свой счёт. Руководитель подтверждает, дальше — уведомления с указаниями и запись в график отсутствий.',
    'Three variants: an official sick note, working from home, or unpaid time off. The head confirms; then instructions come as notifications and the absence is recorded in the chart.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Заявка на больничный', 'Sick leave request'), initiator, [
      choice('variant', text('Вариант', 'Variant'), [
        ['sick_note', text('Больничный лист', 'Official sick note')],
        ['remote', text('Работа из дома', 'Work from home')],
        ['unpaid', text('Отгул за свой счёт', 'Unpaid time off')],
      ]),
      startsOn,
      endsOn,
      commentField,
    ]),
    userTask(
      'confirm',
      text('Подтвердить больничный', 'Confirm the sick leave'),
      headOfInitiator,
      [commentField],
      approveOrReject,
    ),
    exclusive('confirmed', text('Подтверждено?', 'Confirmed?')),
    exclusive('variantChosen', text('Вариант?', 'Variant?')),
    notify(
      'tellSickNote',
      text('Указания по больничному листу', 'Sick note instructions'),
      'initiatorId',
      text(
        '"Больничный подтверждён. Оформите больничный лист у врача и передайте его номер в отдел кадров."',
        '"Sick leave confirmed. Get a sick note from your doctor and give its number to HR."',
      ),
    ),
    userTask('acceptSickNote', text('Принять больничный лист', 'Accept the sick note'), role('hr'), [
      field('sickNote', 'text', text('Номер больничного листа', 'Sick note number'), { required: true }),
    ]),
    recordAbsence('recordSickNote', 'sick_leave'),
    notify(
      'tellRemote',
      text('Указания по работе из дома', 'Work from home instructions'),
      'initiatorId',
      text(
        '"Работа из дома согласована. Оставайтесь на связи в рабочее время и выздоравливайте."',
        '"Working from home is agreed. Stay reachable during working hours and get well."',
      ),
    ),
    recordAbsence('recordUnpaid', 'time_off_unpaid'),
    userTask(
      'accountUnpaid',
      text('Учесть отгул за свой счёт', 'Account for the unpaid days'),
      role('accountant'),
      [commentField],
    ),
    notify(
      'tellUnpaid',
      text('Сообщить об отгуле', 'Tell about the time off'),
      'initiatorId',
      text('"Отгул за свой счёт оформлен. Выздоравливайте!"', '"Unpaid time off is arranged. Get well!"'),
    ),
    notify(
      'tellRejected',
      text('Сообщить об отказе', 'Tell about the refusal'),
      'initiatorId',
      text(
        '"Больничный не подтверждён, свяжитесь с руководителем."',
        '"Sick leave not confirmed; talk to your head."',
      ),
    ),
    end('sickNoteDone', text('Больничный лист', 'Sick note')),
    end('remoteDone', text('Работа из дома', 'Working from home')),
    end('unpaidDone', text('Отгул за свой счёт', 'Unpaid time off')),
    end('rejected', text('Не подтверждён', 'Not confirmed')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'confirm'),
    flow('confirm', 'confirmed'),
    flow('confirmed', 'variantChosen', { when: 'decision = "approve"', name: text('Да', 'Yes') }),
    flow('confirmed', 'tellRejected', { otherwise: true, name: text('Нет', 'No') }),
    flow('variantChosen', 'tellSickNote', {
      when: 'variant = "sick_note"',
      name: text('Больничный лист', 'Sick note'),
    }),
    flow('variantChosen', 'tellRemote', { when: 'variant = "remote"', name: text('Из дома', 'From home') }),
    flow('variantChosen', 'recordUnpaid', { otherwise: true, name: text('За свой счёт', 'Unpaid') }),
    flow('tellSickNote', 'acceptSickNote'),
    flow('acceptSickNote', 'recordSickNote'),
    flow('recordSickNote', 'sickNoteDone'),
    flow('tellRemote', 'remoteDone'),
    flow('recordUnpaid', 'accountUnpaid'),
    flow('accountUnpaid', 'tellUnpaid'),
    flow('tellUnpaid', 'unpaidDone'),
    flow('tellRejected', 'rejected'),
  ],
};
