export * from './statuses.ts';
export * from './actions.ts';
export * from './state.ts';
export * from './code.ts';
export * from './clock.ts';
export * from './vocabulary.ts';
export * from './timeliness.ts';
export * from './asks.ts';
