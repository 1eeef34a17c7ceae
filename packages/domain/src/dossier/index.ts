export * from './statuses.ts';
export * from './actions.ts';
export * from './state.ts';
export * from './code.ts';
