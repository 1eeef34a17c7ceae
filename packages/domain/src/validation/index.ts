/**
 * Validation rules shared by the server and the web forms (zod schemas and the pure checks
 * behind them), so that a rule about input is written once.
 */
export * from './text.ts';
export * from './fields.ts';
