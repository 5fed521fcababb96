/** English texts of the processes-more screens; processes-more.ru.ts has the same keys. */
export const processesMoreEn = {
  title: 'processes-more',
};
