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
 * Two stages of approval: a revision asked for at either stage goes back to the initiator and the
 * document then starts again at the first stage; approved at both, it is published and the initiator
 * is told.
 */
export const documentApproval: ProcessTemplateDefinition = {
  key: 'document-approval',
  category: 'documents',
  runsOn: null,
  name: text('Утверждение документа', 'Document approval'),
  description: text(
    'Два этапа согласования: документ, возвращённый на доработку на любом этапе, после исправления снова идёт на первый этап. Утверждённый документ публикуется.',
    'Two approval stages: a document sent back for revision at either stage starts again at the first stage once revised. The approved document is published.',
  ),
  nodes: [
    start(),
    whoAsks(),
    userTask('describe', text('Описать документ', 'Describe the document'), initiator, [
      field('title', 'text', text('Документ', 'Document'), { required: true }),
      field('document', 'file', text('Файл', 'File')),
      field('firstApprover', 'user', text('Согласующий (1 этап)', 'Approver, stage 1'), { required: true }),
      field('secondApprover', 'user', text('Утверждающий (2 этап)', 'Approver, stage 2'), { required: true }),
      commentField,
    ]),
    userTask(
      'firstStage',
      text('Согласовать документ', 'Approve the document'),
      person('firstApprover'),
      [commentField],
      approveOrRevise(false),
    ),
    exclusive('firstDecided', text('Согласован?', 'Approved?')),
    userTask(
      'secondStage',
      text('Утвердить документ', 'Sign off the document'),
      person('secondApprover'),
      [commentField],
      approveOrRevise(false),
    ),
    exclusive('secondDecided', text('Утверждён?', 'Signed off?')),
    userTask('revise', text('Доработать документ', 'Revise the document'), initiator, [
      field('document', 'file', text('Исправленный файл', 'Revised file')),
      commentField,
    ]),
    {
      id: 'publish',
      name: text('Опубликовать', 'Publish'),
      type: 'serviceTask',
      action: 'variables.set',
      params: { published: 'true', publishedAt: 'string(now())' },
    },
    notify(
      'tellPublished',
      text('Сообщить о публикации', 'Tell the initiator'),
      'initiatorId',
      text('"Документ утверждён и опубликован: " + title', '"Document approved and published: " + title'),
    ),
    end('published', text('Опубликован', 'Published')),
  ],
  flows: [
    flow('start', 'whoAsks'),
    flow('whoAsks', 'describe'),
    flow('describe', 'firstStage'),
    flow('firstStage', 'firstDecided'),
    flow('firstDecided', 'secondStage', {
      when: 'decision = "approve"',
      name: text('Согласован', 'Approved'),
    }),
    flow('firstDecided', 'revise', { otherwise: true, name: text('На доработку', 'Revise') }),
    flow('secondStage', 'secondDecided'),
    flow('secondDecided', 'publish', { when: 'decision = "approve"', name: text('Утверждён', 'Signed off') }),
    flow('secondDecided', 'revise', { otherwise: true, name: text('На доработку', 'Revise') }),
    flow('revise', 'firstStage'),
    flow('publish', 'tellPublished'),
    flow('tellPublished', 'published'),
  ],
};
