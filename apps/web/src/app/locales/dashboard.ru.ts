import type { Messages } from './en';

/** Russian texts of the dashboard screens, with the keys of dashboard.en.ts. */
export const dashboardRu: Messages['dashboard'] = {
  title: 'dashboard',
};
