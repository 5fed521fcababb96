import { commentField, end, exclusive, notify, person, role, start, userTask } from './steps';
import { choice, field, flow, type ProcessTemplateDefinition, type Text, text } from './template-model';

const nextCall = (required: boolean) =>
  field('nextCallAt', 'date', text('Дата следующего звонка', 'Next call date'), { required });
const wholesalerField = field('wholesaler', 'user', text('Оптовик', 'Wholesaler'));
const responsible = person('responsible');
const assigner = role('head_of_sales');
const discounts: [string, Text][] = ['5', '10', '15', '20', '25'].map((value) => [
  value,
  text(`Прайс-лист со скидкой ${value} %`, `Price list with a ${value} % discount`),
]);

/**
 * Seed 002's lead servicing. The one responsible person lives in the variable `responsible`, and every
 * task of theirs is addressed through it: the assigner sets it, a new assigner's choice or a hand-over
 * to the wholesaler changes it, and the lead's responsible follows. Runs on a lead (`lead.*`).
 *
 * assign → clarifying call (next call date required) → wait → repeat call:
 *   ready → deal from the lead · undecided → next date → wait → repeat call (loop) · refused → why:
 *   impossible → end · wholesale → wholesaler responsible → buys? · price → head of sales: one of five
 *   price lists + next call (loop), none fits → wholesaler · no contact → assigner again · other → end
 */
export const leadServicing: ProcessTemplateDefinition = {
  key: 'lead-servicing',
  category: 'sales',
  runsOn: 'lead',
  name: text('Обслуживание заявки клиента', 'Lead servicing'),
  description: text(
    'Новый лид с сайта: назначающий выбирает ответственного и срок; уточняющий звонок с обязательной датой повторного; по повторному звонку — сделка, новый звонок, или разбор отказа: невозможно, оптовик, прайс-лист со скидкой от главы отдела продаж, смена ответственного, другое. Запускается на лиде.',
    'A new web lead: the assigner picks the responsible and a deadline; a clarifying call with a required next-call date; after the repeat call — a deal, another call, or the refusal sorted out: impossible, the wholesaler, a discount price list from the head of sales, a new responsible, other. Runs on a lead.',
  ),
  nodes: [
    start(text('Новый лид', 'New lead')),
    userTask('assign', text('Назначить ответственного', 'Assign the responsible'), assigner, [
      field('responsible', 'user', text('Ответственный', 'Responsible'), { required: true }),
      field('deadline', 'date', text('Срок уточняющего звонка', 'Clarifying call deadline'), {
        required: true,
      }),
      field('comment', 'textarea', text('Комментарий для ответственного', 'Note for the responsible')),
    ]),
    {
      id: 'setResponsible',
      name: text('Сделать ответственным за лид', 'Make responsible for the lead'),
      type: 'serviceTask',
      action: 'crm.changeResponsible',
      params: { entity: '"lead"', id: 'lead.id', responsibleId: 'responsible' },
    },
    {
      id: 'leadTask',
      name: text('Поставить задачу', 'Set a task'),
      type: 'serviceTask',
      action: 'crm.createTask',
      params: {
        title: text('"Связаться с клиентом: " + lead.title', '"Contact the client: " + lead.title'),
        description: 'comment',
        assigneeId: 'responsible',
        leadId: 'lead.id',
        dueAt: 'if deadline = null then null else string(date(deadline)) + "T18:00:00Z"',
      },
    },
    userTask(
      'clarify',
      text('Уточняющий звонок', 'Clarifying call'),
      responsible,
      [
        field('need', 'textarea', text('Что нужно клиенту', 'What the client needs')),
        nextCall(true),
        commentField,
      ],
      { dueDate: 'deadline' },
    ),
    {
      id: 'inWork',
      name: text('Лид в работе', 'Lead in work'),
      type: 'serviceTask',
      action: 'crm.updateRecord',
      params: { entity: '"lead"', id: 'lead.id', fields: '{status: "in_work"}' },
    },
    {
      id: 'waitCall',
      name: text('До даты звонка', 'Until the call date'),
      type: 'timer',
      until: 'nextCallAt',
    },
    {
      id: 'clearDate',
      name: text('Сбросить дату звонка', 'Clear the call date'),
      type: 'serviceTask',
      action: 'variables.set',
      params: { nextCallAt: 'null' },
    },
    userTask(
      'repeatCall',
      text('Повторный звонок', 'Repeat call'),
      responsible,
      [
        choice('callResult', text('Клиент', 'The client'), [
          ['ready', text('Готов к сделке', 'Is ready to buy')],
          ['undecided', text('Ещё не решил', 'Has not decided yet')],
          ['refused', text('Отказывается', 'Refuses')],
        ]),
        nextCall(false),
        commentField,
      ],
      { dueDate: 'duration("P1D")' },
    ),
    exclusive('callOutcome', text('Результат звонка?', 'Call result?')),
    exclusive('hasDate', text('Дата звонка есть?', 'Call date set?')),
    userTask('agreeDate', text('Договориться о дате звонка', 'Agree on the next call date'), responsible, [
      nextCall(true),
    ]),
    userTask('refusal', text('Причина отказа', 'Why the client refuses'), responsible, [
      choice('refusal', text('Причина', 'Reason'), [
        ['impossible', text('Сделка невозможна', 'The deal is impossible')],
        ['wholesale', text('Хочет закупаться у поставщиков', 'Wants to buy wholesale')],
        ['price', text('Не устраивает цена', 'The price does not suit')],
        ['noContact', text('Не идёт на контакт', 'Cannot be reached')],
        ['other', text('Другое', 'Other')],
      ]),
      field('reason', 'textarea', text('Подробности', 'Details'), { required: true }),
      wholesalerField,
    ]),
    exclusive('refusalKind', text('Причина?', 'Reason?')),
    userTask('choosePrice', text('Подобрать скидку', 'Choose a discount'), role('head_of_sales'), [
      choice('priceList', text('Прайс-лист', 'Price list'), [
        ...discounts,
        ['none', text('Ни один не подходит', 'None fits')],
      ]),
      nextCall(false),
      wholesalerField,
      commentField,
    ]),
    exclusive('priceFits', text('Прайс подходит?', 'A price list fits?')),
    {
      id: 'sendPrice',
      name: text('Отправить прайс-лист', 'Send the price list'),
      type: 'serviceTask',
      action: 'crm.createTask',
      params: {
        title: text(
          '"Отправить клиенту прайс-лист со скидкой " + priceList + " %: " + lead.title',
          '"Send the client the price list with a " + priceList + " % discount: " + lead.title',
        ),
        assigneeId: 'responsible',
        leadId: 'lead.id',
      },
    },
    exclusive('hasWholesaler', text('Оптовик выбран?', 'Wholesaler chosen?')),
    userTask('pickWholesaler', text('Выбрать оптовика', 'Pick the wholesaler'), assigner, [
      field('wholesaler', 'user', text('Оптовик', 'Wholesaler'), { required: true }),
    ]),
    {
      id: 'toWholesaler',
      name: text('Оптовик — ответственный', 'The wholesaler becomes responsible'),
      type: 'serviceTask',
      action: 'variables.set',
      params: { responsible: 'wholesaler' },
    },
    {
      id: 'wholesalerOnLead',
      name: text('Передать лид оптовику', 'Hand the lead to the wholesaler'),
      type: 'serviceTask',
      action: 'crm.changeResponsible',
      params: { entity: '"lead"', id: 'lead.id', responsibleId: 'responsible' },
    },
    notify(
      'tellWholesaler',
      text('Уведомить оптовика', 'Tell the wholesaler'),
      'responsible',
      text(
        '"Свяжитесь с клиентом и договоритесь об оптовых поставках: " + lead.title',
        '"Call the client and agree on wholesale supplies: " + lead.title',
      ),
      '"/leads/" + lead.id',
    ),
    userTask(
      'wholesaleCall',
      text('Будет ли клиент закупать оптом?', 'Will the client buy wholesale?'),
      responsible,
      [
        choice('wholesale', text('Клиент', 'The client'), [
          ['buy', text('Будет закупать', 'Will buy')],
          ['notBuy', text('Не будет', 'Will not buy')],
        ]),
        field('reason', 'textarea', text('Причина, если не будет', 'Why not, if not')),
      ],
    ),
    exclusive('buys', text('Закупает?', 'Buys?')),
    {
      id: 'convert',
      name: text('Создать сделку из лида', 'Create a deal from the lead'),
      type: 'serviceTask',
      action: 'crm.convertLead',
      params: { leadId: 'lead.id', dealTitle: 'lead.title' },
    },
    notify(
      'tellDeal',
      text('Сообщить о сделке', 'Tell about the deal'),
      'responsible',
      text('"Создана сделка: " + lead.title', '"Deal created: " + lead.title'),
      '"/deals/" + dealId',
    ),
    end('deal', text('Сделка', 'Deal')),
    end('impossible', text('Сделка невозможна', 'Impossible')),
    end('noWholesale', text('Опт не состоялся', 'No wholesale')),
    end('otherReason', text('Отказ: другое', 'Refused: other')),
  ],
  flows: [
    flow('start', 'assign'),
    flow('assign', 'setResponsible'),
    flow('setResponsible', 'leadTask'),
    flow('leadTask', 'clarify'),
    flow('clarify', 'inWork'),
    flow('inWork', 'waitCall'),
    flow('waitCall', 'clearDate'),
    flow('clearDate', 'repeatCall'),
    flow('repeatCall', 'callOutcome'),
    flow('callOutcome', 'convert', { when: 'callResult = "ready"', name: text('Готов', 'Ready') }),
    flow('callOutcome', 'hasDate', { when: 'callResult = "undecided"', name: text('Думает', 'Undecided') }),
    flow('callOutcome', 'refusal', { otherwise: true, name: text('Отказ', 'Refused') }),
    flow('hasDate', 'waitCall', { when: 'nextCallAt != null and nextCallAt != ""', name: text('Да', 'Yes') }),
    flow('hasDate', 'agreeDate', { otherwise: true, name: text('Нет', 'No') }),
    flow('agreeDate', 'waitCall'),
    flow('refusal', 'refusalKind'),
    flow('refusalKind', 'impossible', {
      when: 'refusal = "impossible"',
      name: text('Невозможно', 'Impossible'),
    }),
    flow('refusalKind', 'hasWholesaler', { when: 'refusal = "wholesale"', name: text('Опт', 'Wholesale') }),
    flow('refusalKind', 'choosePrice', { when: 'refusal = "price"', name: text('Цена', 'Price') }),
    flow('refusalKind', 'assign', {
      when: 'refusal = "noContact"',
      name: text('Нет контакта', 'No contact'),
    }),
    flow('refusalKind', 'otherReason', { otherwise: true, name: text('Другое', 'Other') }),
    flow('choosePrice', 'priceFits'),
    flow('priceFits', 'hasWholesaler', { when: 'priceList = "none"', name: text('Ни один', 'None fits') }),
    flow('priceFits', 'sendPrice', { otherwise: true }),
    flow('sendPrice', 'hasDate'),
    flow('hasWholesaler', 'toWholesaler', {
      when: 'wholesaler != null and wholesaler != ""',
      name: text('Да', 'Yes'),
    }),
    flow('hasWholesaler', 'pickWholesaler', { otherwise: true, name: text('Нет', 'No') }),
    flow('pickWholesaler', 'toWholesaler'),
    flow('toWholesaler', 'wholesalerOnLead'),
    flow('wholesalerOnLead', 'tellWholesaler'),
    flow('tellWholesaler', 'wholesaleCall'),
    flow('wholesaleCall', 'buys'),
    flow('buys', 'convert', { when: 'wholesale = "buy"', name: text('Да', 'Yes') }),
    flow('buys', 'noWholesale', { otherwise: true, name: text('Нет', 'No') }),
    flow('convert', 'tellDeal'),
    flow('tellDeal', 'deal'),
  ],
};
