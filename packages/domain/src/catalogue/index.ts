// The procedure catalogue (docs/rules/agencies-and-catalogue.md): versions, fees, components, workflow definitions.
export * from './procedure.ts';
export {
  budgetMinutes, defaultWorkflow, formatProcessingTime, legalMinutes, DEFAULT_SAME_DAY_CUTOFF, SAME_DAY_MAX_HOURS,
  STANDARD_WORKING_DAY_HOURS,
} from './budgets.ts';
export { isCatalogueDate, isCatalogueMonth } from './dates.ts';
export * from './validate.ts';
export * from './entries.ts';
export * from './versions.ts';
export * from './fees.ts';
export * from './labels.ts';
export * from './document-types.ts';
export * from './search.ts';
export * from './portal-links.ts';
