/**
 * What an e-form definition must mean beyond its shape (checked with zod where it is read): keys
 * that are unique, choices where there are choices, limits in order, patterns that compile, a
 * prefill claim whose value fits the field, and a component that exists in the procedure.
 */
import type { IdentityClaim } from '../access/identity.ts';
import { isCatalogueDate } from '../catalogue/dates.ts';
import { formatIssuePath, type IssuePath, type ProcedureIssue } from '../catalogue/validate.ts';
import { textualTypes, type EFormDefinition, type EFormField, type EFormFieldType } from './form.ts';

/** The field types each identity claim may fill. */
export const claimFieldTypes: Record<IdentityClaim, readonly EFormFieldType[]> = {
  fullName: ['text'],
  personalId: ['personalId', 'text'],
  birthDate: ['date'],
  gender: ['select', 'radio'],
  address: ['text', 'textarea'],
  phone: ['phone', 'text'],
  email: ['email', 'text'],
  organizationName: ['text', 'textarea'],
  taxCode: ['text'],
};

/** The choice values a field prefilled with the gender claim offers (the claim's values). */
export const genderChoiceValues = ['male', 'female'] as const;

const isDateLimit = (value: string) => value === 'today' || isCatalogueDate(value);

/**
 * Every problem of a definition, with paths from its root (`sections[0].fields[2].choices`).
 * `componentCount`, when given, is the number of components of the procedure it belongs to.
 */
export function validateEFormDefinition(form: EFormDefinition, componentCount?: number): ProcedureIssue[] {
  const issues: ProcedureIssue[] = [];
  const push = (at: IssuePath, message: string) => issues.push({ at, path: formatIssuePath(at), message });
  if (form.sections.length === 0) push(['sections'], 'a form has at least one section');
  const keys = new Set<string>();
  const sectionKeys = new Set<string>();
  form.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key)) push(['sections', s, 'key'], `section key "${section.key}" is used twice`);
    sectionKeys.add(section.key);
    if (section.fields.length === 0) push(['sections', s, 'fields'], 'a section has at least one field');
    section.fields.forEach((field, f) => {
      const at: IssuePath = ['sections', s, 'fields', f];
      if (keys.has(field.key)) push([...at, 'key'], `field key "${field.key}" is used twice`);
      keys.add(field.key);
      for (const [path, message] of fieldProblems(field)) push([...at, ...path], message);
    });
  });
  if (form.component !== undefined && componentCount !== undefined && form.component >= componentCount) {
    push(['component'], componentCount
      ? `component ${form.component} does not exist: the procedure has ${componentCount} components (0–${componentCount - 1})`
      : `component ${form.component} does not exist: the procedure lists no components`);
  }
  if (form.signer?.nameField !== undefined && !keys.has(form.signer.nameField)) {
    push(['signer', 'nameField'], `no field "${form.signer.nameField}" in this form`);
  }
  return issues;
}

function fieldProblems(field: EFormField): Array<[IssuePath, string]> {
  const problems: Array<[IssuePath, string]> = [];
  const hasChoices = field.type === 'select' || field.type === 'radio';
  if (hasChoices) {
    const choices = field.choices ?? [];
    if (choices.length === 0) problems.push([['choices'], `a ${field.type} field lists its choices`]);
    choices.forEach((c, i) => {
      if (choices.findIndex((o) => o.value === c.value) !== i) problems.push([['choices', i, 'value'], `choice "${c.value}" is listed twice`]);
    });
  } else if (field.choices !== undefined) {
    problems.push([['choices'], `choices go with a select or radio field, not ${field.type}`]);
  }
  const textual = textualTypes.has(field.type);
  for (const key of ['minLength', 'maxLength', 'pattern'] as const) {
    if (field[key] !== undefined && !textual) problems.push([[key], `${key} goes with a text field, not ${field.type}`]);
  }
  if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
    problems.push([['minLength'], `minLength ${field.minLength} is greater than maxLength ${field.maxLength}`]);
  }
  if (field.pattern !== undefined) {
    try {
      new RegExp(field.pattern, 'u');
    } catch (error) {
      problems.push([['pattern'], `not a regular expression: ${(error as Error).message}`]);
    }
  }
  for (const key of ['min', 'max', 'integer'] as const) {
    if (field[key] !== undefined && field.type !== 'number') problems.push([[key], `${key} goes with a number field, not ${field.type}`]);
  }
  if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
    problems.push([['min'], `min ${field.min} is greater than max ${field.max}`]);
  }
  for (const key of ['minDate', 'maxDate'] as const) {
    const value = field[key];
    if (value === undefined) continue;
    if (field.type !== 'date') problems.push([[key], `${key} goes with a date field, not ${field.type}`]);
    else if (!isDateLimit(value)) problems.push([[key], `"${value}" is neither a date YYYY-MM-DD nor "today"`]);
  }
  if (field.minDate && field.maxDate && isCatalogueDate(field.minDate) && isCatalogueDate(field.maxDate) && field.minDate > field.maxDate) {
    problems.push([['minDate'], `minDate ${field.minDate} is after maxDate ${field.maxDate}`]);
  }
  if (field.prefill !== undefined) {
    const allowed = claimFieldTypes[field.prefill];
    if (!allowed.includes(field.type)) {
      problems.push([['prefill'], `the claim "${field.prefill}" fills a ${allowed.join(' or ')} field, not ${field.type}`]);
    } else if (field.prefill === 'gender') {
      const values = new Set((field.choices ?? []).map((c) => c.value));
      const missing = genderChoiceValues.filter((v) => !values.has(v));
      if (missing.length) problems.push([['choices'], `a field prefilled with the gender claim offers the choices ${missing.map((v) => `"${v}"`).join(', ')}`]);
    }
  }
  return problems;
}
