import type { Messages } from './en';

/** Russian texts of the planning screens, with the keys of planning.en.ts. */
export const planningRu: Messages['planning'] = {
  title: 'planning',
};
