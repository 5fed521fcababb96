export * from './decompose-plan';
export * from './finance';
export * from './motivation';
export * from './pace';
