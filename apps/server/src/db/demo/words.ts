const maleNames = [
  'Андрей',
  'Павел',
  'Ринат',
  'Игорь',
  'Михаил',
  'Виктор',
  'Сергей',
  'Константин',
  'Дмитрий',
  'Артём',
];
const femaleNames = ['Елена', 'Светлана', 'Наталья', 'Ольга', 'Татьяна', 'Анна', 'Юлия', 'Марина'];
const lastNames = [
  'Никитин',
  'Морозов',
  'Орлов',
  'Галиев',
  'Белов',
  'Лебедев',
  'Ковалёв',
  'Зайцев',
  'Егоров',
  'Козлов',
  'Новиков',
  'Фёдоров',
  'Михайлов',
  'Павлов',
  'Семёнов',
  'Голубев',
];
export const companyStems = [
  'Северный ветер',
  'ТехноСнаб',
  'Упаковка-Плюс',
  'СтройМаркет',
  'Волга-Трейд',
  'Кама Пак',
  'Уральские склады',
  'Балтика Логистик',
  'Агро-Юг',
  'Фармсервис',
  'Мебельный двор',
  'Сибирь Ритейл',
  'Полимер-М',
  'ЭкоТара',
  'Гранд Опт',
  'Домострой',
  'Альфа Маркет',
  'ПромКомплект',
  'Невские берега',
  'Техноград',
  'Оптима',
  'Вектор',
  'Русский хлеб',
  'Кондитер-Сити',
  'Медтехника',
];
export const needs = [
  'поставка гофрокоробов',
  'упаковка для маркетплейса',
  'стрейч-плёнка оптом',
  'коробки с логотипом',
  'тара для пищевой продукции',
  'паллетная упаковка',
  'пакеты для доставки',
  'упаковка для e-commerce',
  'термоусадочная плёнка',
  'коробки для переезда',
];
/** Where the department's clients are: Moscow first, as the companies' 495 numbers say. */
export const regions = [
  'Москва',
  'Москва',
  'Московская область',
  'Санкт-Петербург',
  'Свердловская область',
  'Республика Татарстан',
] as const;

export const sources = ['website', 'website', 'phone', 'phone', 'ads', 'referral', 'event', 'email'] as const;
export const callResults = [
  'Договорились о встрече',
  'Просит КП',
  'Перезвонить через неделю',
  'Не дозвонились',
  'Уточнили объёмы',
  'Отправили прайс',
  'Согласовали скидку',
];
export const lostReasons = ['Дорого', 'Выбрали конкурента', 'Нет потребности', 'Не выходит на связь'];
export const products = [
  { name: 'Гофрокороб 40×30×30', sku: 'BOX-403030', price: 85 },
  { name: 'Гофрокороб 60×40×40', sku: 'BOX-604040', price: 140 },
  { name: 'Стрейч-плёнка 500 мм, рулон', sku: 'STR-500', price: 620 },
  { name: 'Коробка с логотипом (тираж 1000)', sku: 'LOGO-1000', price: 38000 },
  { name: 'Курьерский пакет 300×400', sku: 'BAG-3040', price: 9 },
  { name: 'Доставка по городу', sku: 'DLV-CITY', price: 3000 },
];
/** Five discount levels: the price lists the head of sales chooses from in seed 002's lead process. */
export const priceLists = [
  { name: 'Розница', discount: 0 },
  { name: 'Скидка 5%', discount: 5 },
  { name: 'Скидка 10%', discount: 10 },
  { name: 'Скидка 15%', discount: 15 },
  { name: 'Опт', discount: 25 },
];

/** A Russian full name whose surname agrees with the first name: Юлия Орлова, not Юлия Орлов. */
export function personName(pick: <T>(items: readonly T[]) => T, chance: (p: number) => boolean): string {
  const female = chance(0.45);
  const first = pick(female ? femaleNames : maleNames);
  const last = pick(lastNames);
  return `${first} ${female && /(ов|ев|ёв|ин)$/.test(last) ? `${last}а` : last}`;
}
