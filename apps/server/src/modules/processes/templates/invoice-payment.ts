import {
  approveOrReject,
  commentField,
  end,
  exclusive,
  initiator,
  notify,
  person,
  role,
  start,
  userTask,
  whoAsks,
} from './steps';
import { field, flow, type ProcessTemplateDefinition, text } from './template-model';

/** An invoice to pay: the approver agrees, accounting pays, the initiator is told either way. */
export const invoicePayment: ProcessTemplateDefinition = {
  key: 'invoice-payment',
  category: 'finance',
  runsOn: 'deal',
  name: text('Счёт на оплату', 'Invoice payment'),
  description: text(
    'Сотрудник вносит счёт, согласующий его утверждает, бухгалтерия оплачивает, инициатору приходит уведомление.',
    'An employee enters an invoice, the approver agrees, accounting pays it and the initiator is notified.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Внести счёт', 'Enter the invoice'), initiator, [
      field('invoice', 'text', text('Номер счёта', 'Invoice number'), { required: true }),
      field('supplier', 'text', text('Поставщик', 'Supplier'), { required: true }),
      field('amount', 'money', text('Сумма', 'Amount'), { required: true }),
      field('payBy', 'date', text('Оплатить до', 'Pay by')),
      field('document', 'file', text('Файл счёта', 'Invoice file')),
      field('approver', 'user', text('Согласующий', 'Approver'), { required: true }),
    ]),
    userTask(
      'approve',
      text('Согласовать оплату', 'Approve the payment'),
      person('approver'),
      [commentField],
      approveOrReject,
    ),
    exclusive('decided', text('Согласовано?', 'Approved?')),
    userTask('pay', text('Оплатить счёт', 'Pay the invoice'), role('accountant'), [
      field('paidOn', 'date', text('Дата оплаты', 'Paid on'), { required: true }),
      field('paymentOrder', 'text', text('Платёжное поручение', 'Payment order')),
    ]),
    notify(
      'tellPaid',
      text('Сообщить об оплате', 'Tell about the payment'),
      'initiatorId',
      text('"Счёт оплачен: " + invoice', '"Invoice paid: " + invoice'),
    ),
    notify(
      'tellRejected',
      text('Сообщить об отказе', 'Tell about the rejection'),
      'initiatorId',
      text('"Оплата счёта отклонена: " + invoice', '"Invoice payment rejected: " + invoice'),
    ),
    end('paid', text('Оплачен', 'Paid')),
    end('rejected', text('Отклонён', 'Rejected')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'approve'),
    flow('approve', 'decided'),
    flow('decided', 'pay', { when: 'decision = "approve"', name: text('Да', 'Yes') }),
    flow('decided', 'tellRejected', { otherwise: true, name: text('Нет', 'No') }),
    flow('pay', 'tellPaid'),
    flow('tellPaid', 'paid'),
    flow('tellRejected', 'rejected'),
  ],
};
