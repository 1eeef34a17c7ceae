export * from './statistics.ts';
export * from './form.ts';
