/** English texts of the planning screens; planning.ru.ts has the same keys. */
export const planningEn = {
  title: 'planning',
};
