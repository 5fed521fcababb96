export * from './auth';
export * from './common';
export * from './errors';
export * from './events';
export * from './history';
export * from './leads';
export * from './organisation';
export * from './roles';
