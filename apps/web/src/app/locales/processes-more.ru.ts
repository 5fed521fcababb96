import type { Messages } from './en';

/** Russian texts of the processes-more screens, with the keys of processes-more.en.ts. */
export const processesMoreRu: Messages['processesMore'] = {
  title: 'processes-more',
};
