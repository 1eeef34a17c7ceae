// The working-time calendar and the legal clock (docs/rules/time.md).
export * from './time.ts';
export * from './lunar.ts';
export * from './holiday-rules.ts';
export * from './schedules.ts';
export * from './working-calendar.ts';
export * from './due.ts';
export * from './classify.ts';
export * from './periods.ts';
