/**
 * Russian for the texts bpmn-js shows itself (palette, context pad, "change element" menu), as far as the
 * engine supports the elements; anything else stays in English.
 */
const russian: Record<string, string> = {
  'Activate hand tool': 'Рука: двигать схему',
  'Activate lasso tool': 'Лассо: выделить несколько',
  'Activate create/remove space tool': 'Раздвинуть или сдвинуть элементы',
  'Activate global connect tool': 'Соединить элементы',
  'Create start event': 'Начало',
  'Create end event': 'Конец',
  'Create intermediate/boundary event': 'Промежуточное событие',
  'Create gateway': 'Развилка',
  'Create task': 'Задача',
  'Create expanded sub-process': 'Подпроцесс',
  'Create data object reference': 'Объект данных',
  'Create data store reference': 'Хранилище данных',
  'Create pool/participant': 'Пул (участник)',
  'Create group': 'Группа',
  'Append end event': 'Добавить конец',
  'Append gateway': 'Добавить развилку',
  'Append task': 'Добавить задачу',
  'Append intermediate/boundary event': 'Добавить промежуточное событие',
  'Append timer intermediate catch event': 'Добавить таймер',
  'Append message intermediate catch event': 'Добавить ожидание сообщения',
  'Add text annotation': 'Добавить комментарий',
  'Change element': 'Изменить тип',
  'Connect to other element': 'Соединить с другим элементом',
  'Connect using association': 'Связать ассоциацией',
  Delete: 'Удалить',
  'Search in diagram': 'Поиск на схеме',
  Task: 'Задача',
  'User task': 'Задача сотрудника',
  'Service task': 'Автоматическое действие',
  'Send task': 'Отправка',
  'Manual task': 'Ручная работа',
  'Call activity': 'Вызов другого процесса',
  'Sub-process (expanded)': 'Подпроцесс (развёрнутый)',
  'Exclusive gateway': 'Развилка (один путь)',
  'Parallel gateway': 'Параллельно (все пути)',
  'Inclusive gateway': 'Развилка (несколько путей)',
  'Event-based gateway': 'Развилка по событию',
  'Start event': 'Начало',
  'End event': 'Конец',
  'Message start event': 'Начало по сообщению',
  'Timer start event': 'Начало по расписанию',
  'Intermediate throw event': 'Промежуточное событие',
  'Message intermediate catch event': 'Ожидание сообщения',
  'Timer intermediate catch event': 'Таймер',
  'Terminate end event': 'Прекращение процесса',
  'Error end event': 'Конец с ошибкой',
  'Timer boundary event': 'Таймер на задаче',
  'Timer boundary event (non-interrupting)': 'Таймер на задаче (не прерывает)',
  'Message boundary event': 'Сообщение на задаче',
  'Message boundary event (non-interrupting)': 'Сообщение на задаче (не прерывает)',
  'Error boundary event': 'Ошибка на задаче',
  'Sequence flow': 'Поток',
  'Default flow': 'Поток по умолчанию',
  'Conditional flow': 'Поток с условием',
};

type Replacements = Record<string, string>;

/**
 * bpmn-js's `translate` service for the UI language: the text in Russian where we have it, with
 * `{placeholders}` filled in as bpmn-js's own does.
 *
 * @example new Modeler({ additionalModules: [diagramTranslation('ru')] })
 */
export function diagramTranslation(language: string) {
  const texts = language === 'ru' ? russian : {};
  const translate = (template: string, replacements: Replacements = {}) =>
    (texts[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
  return { translate: ['value', translate] };
}
