import type { SavePipelineBody } from '@voronka/domain';

type StageSeed = SavePipelineBody['stages'][number];

const stage = (
  name: string,
  probability: number,
  regulation: Partial<StageSeed['regulation']>,
  exitRequirements: StageSeed['exitRequirements'] = [],
  handoffFunction: StageSeed['handoffFunction'] = null,
): StageSeed => ({
  name,
  kind: 'open',
  probability,
  regulation: {
    input: '',
    output: '',
    responsibleRole: 'manager',
    responsibleFunction: null,
    tasks: '',
    actions: '',
    keySuccessFactor: '',
    ...regulation,
  },
  exitRequirements,
  handoffFunction,
});

const closing = (won: string, lost: string): StageSeed[] => [
  { ...stage(won, 100, { output: 'Деньги получены' }), kind: 'won' },
  { ...stage(lost, 0, { output: 'Причина отказа указана' }), kind: 'lost' },
];

/**
 * The standard B2B funnel of the seeds, each stage written as "input – output – responsible – tasks –
 * actions – key success factor – CRM requirements". A workspace starts with it and edits it freely.
 */
export const defaultSalesPipeline: SavePipelineBody = {
  name: 'Продажи B2B',
  kind: 'sales',
  stages: [
    stage(
      'Квалификация',
      10,
      {
        input: 'Лид с контактом и источником',
        output: 'Клиент соответствует портрету: есть компания и лицо, принимающее решение',
        responsibleFunction: 'hunter',
        tasks: 'Проверить, что клиент целевой; найти ЛПР',
        actions: 'Звонок, уточнение потребности и бюджета',
        keySuccessFactor: 'Разговор с ЛПР, а не с секретарём',
      },
      [
        { field: 'companyId', label: 'Компания' },
        { field: 'contactId', label: 'Контакт' },
      ],
    ),
    stage(
      'Выявление потребностей',
      20,
      {
        input: 'Квалифицированный клиент',
        output: 'Известны потребность, бюджет и срок',
        responsibleFunction: 'closer',
        tasks: 'Понять задачу клиента',
        actions: 'Встреча или звонок по анкете',
        keySuccessFactor: 'Заполненная анкета клиента',
      },
      [
        { field: 'amount', label: 'Сумма' },
        { field: 'expectedCloseDate', label: 'Ожидаемая дата закрытия' },
      ],
      'closer',
    ),
    stage('Презентация', 30, {
      input: 'Потребность ясна',
      output: 'Клиент увидел решение под свою задачу',
      responsibleFunction: 'closer',
      actions: 'Демонстрация, кейсы',
      keySuccessFactor: 'Решение показано на задаче клиента',
    }),
    stage('Подготовка КП', 40, {
      input: 'Презентация проведена',
      output: 'Коммерческое предложение отправлено',
      responsibleFunction: 'closer',
      actions: 'Расчёт, КП по шаблону',
      keySuccessFactor: 'КП отправлено в течение суток',
    }),
    stage('Согласование КП', 50, {
      input: 'КП у клиента',
      output: 'Условия согласованы',
      responsibleFunction: 'closer',
      actions: 'Звонок по КП, работа с возражениями',
      keySuccessFactor: 'Назначен следующий шаг',
    }),
    stage('Договор', 70, {
      input: 'Условия согласованы',
      output: 'Договор подписан',
      responsibleFunction: 'closer',
      actions: 'Согласование договора',
      keySuccessFactor: 'Юристы сторон согласовали текст',
    }),
    stage('Счёт', 85, {
      input: 'Договор подписан',
      output: 'Счёт выставлен',
      responsibleRole: 'accountant',
      actions: 'Выставить счёт',
      keySuccessFactor: 'Счёт в тот же день',
    }),
    stage('Оплата', 95, {
      input: 'Счёт у клиента',
      output: 'Оплата поступила',
      responsibleFunction: 'closer',
      actions: 'Контроль оплаты',
      keySuccessFactor: 'Напоминание до срока оплаты',
    }),
    ...closing('Сделка успешна', 'Сделка провалена'),
  ],
};

/** Where won and paid deals go: client fulfilment, then the farmer's account management. */
export const defaultFulfilmentPipeline: SavePipelineBody = {
  name: 'Производство',
  kind: 'fulfilment',
  stages: [
    stage(
      'Новый заказ',
      0,
      { input: 'Оплаченная сделка', output: 'Заказ принят в работу', responsibleFunction: 'farmer' },
      [],
      'farmer',
    ),
    stage('В работе', 0, { input: 'Заказ принят', output: 'Заказ готов' }),
    stage('Доставка', 0, { input: 'Заказ готов', output: 'Клиент получил заказ' }),
    ...closing('Выполнено', 'Отменено'),
  ],
};
