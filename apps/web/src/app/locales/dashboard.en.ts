/** English texts of the dashboard screens; dashboard.ru.ts has the same keys. */
export const dashboardEn = {
  title: 'dashboard',
};
