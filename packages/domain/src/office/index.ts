// The document office (văn thư): registers, numbers and symbols, states (docs/rules/document-office.md).
export * from './document-types.ts';
export * from './numbering.ts';
export * from './workflow.ts';
export * from './deadline.ts';
