// Fees and payments (docs/rules/payments.md): ledger vocabulary, fee terms fixed at reception, balance, national status 6, what may be recorded, amounts in words.
export * from './vocabulary.ts';
export * from './terms.ts';
export * from './balance.ts';
export * from './entries.ts';
export * from './amount-in-words.ts';
export * from './report.ts';
export * from './processing.ts';
