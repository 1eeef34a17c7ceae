// Fees and payments (docs/rules/payments.md): ledger vocabulary, fee terms fixed at reception, balance, national status 6.
export * from './vocabulary.ts';
export * from './terms.ts';
export * from './balance.ts';
export * from './processing.ts';
