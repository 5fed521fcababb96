import {
  approveOrRevise,
  commentField,
  end,
  exclusive,
  initiator,
  notify,
  person,
  start,
  userTask,
  whoAsks,
} from './steps';
import { field, flow, type ProcessTemplateDefinition, text } from './template-model';

/**
 * The initiator describes the contract and picks the approver; the approver approves, sends it back for
 * revision (a loop through the initiator) or rejects it; an approved contract is e-mailed to the client
 * and the initiator is told.
 */
export const contractApproval: ProcessTemplateDefinition = {
  key: 'contract-approval',
  category: 'documents',
  runsOn: 'deal',
  name: text('Согласование договора', 'Contract approval'),
  description: text(
    'Сотрудник прикладывает договор и выбирает согласующего; тот согласует, отклоняет или возвращает на доработку. Согласованный договор уходит клиенту на почту.',
    'An employee attaches a contract and picks the approver, who approves, rejects or sends it back for revision. The approved contract is e-mailed to the client.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Описать договор', 'Describe the contract'), initiator, [
      field('contract', 'text', text('Договор', 'Contract'), { required: true }),
      field('document', 'file', text('Файл договора', 'Contract file')),
      field('amount', 'money', text('Сумма', 'Amount')),
      field('clientEmail', 'text', text('E-mail клиента', 'Client e-mail'), { required: true }),
      field('approver', 'user', text('Согласующий', 'Approver'), { required: true }),
      commentField,
    ]),
    userTask(
      'approve',
      text('Согласовать договор', 'Approve the contract'),
      person('approver'),
      [commentField],
      { ...approveOrRevise(true), dueDate: 'duration("P2D")' },
    ),
    exclusive('decided', text('Решение?', 'Decision?')),
    userTask('revise', text('Доработать договор', 'Revise the contract'), initiator, [
      field('document', 'file', text('Исправленный файл', 'Revised file')),
      commentField,
    ]),
    {
      id: 'sendToClient',
      name: text('Отправить клиенту на почту', 'Send to the client by email'),
      type: 'sendTask',
      action: 'email.send',
      params: {
        to: 'clientEmail',
        subject: text('"Договор: " + contract', '"Contract: " + contract'),
        text: text(
          '"Добрый день! Направляем согласованный договор «" + contract + "»." + (if document = null then "" else " Файл: " + string(document))',
          '"Hello! Please find the approved contract " + contract + "." + (if document = null then "" else " File: " + string(document))',
        ),
      },
    },
    notify(
      'tellApproved',
      text('Сообщить о согласовании', 'Tell the initiator'),
      'initiatorId',
      text(
        '"Договор согласован и отправлен клиенту: " + contract',
        '"Contract approved and sent to the client: " + contract',
      ),
    ),
    notify(
      'tellRejected',
      text('Сообщить об отказе', 'Tell about the rejection'),
      'initiatorId',
      text('"Договор не согласован: " + contract', '"Contract rejected: " + contract'),
    ),
    end('sent', text('Отправлен клиенту', 'Sent to the client')),
    end('rejected', text('Отклонён', 'Rejected')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'approve'),
    flow('approve', 'decided'),
    flow('decided', 'sendToClient', { when: 'decision = "approve"', name: text('Согласовано', 'Approved') }),
    flow('decided', 'revise', { when: 'decision = "revise"', name: text('На доработку', 'Revise') }),
    flow('decided', 'tellRejected', { otherwise: true, name: text('Отклонено', 'Rejected') }),
    flow('revise', 'approve'),
    flow('sendToClient', 'tellApproved'),
    flow('tellApproved', 'sent'),
    flow('tellRejected', 'rejected'),
  ],
};
