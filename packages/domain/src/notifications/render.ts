/**
 * Templates are plain text with `{{name}}` placeholders. A value is either the same in both
 * languages (a code, a link) or given per language (a date written out, the way to get a result).
 * Unknown placeholders are refused when a template is saved (`templateIssues`), so rendering never
 * meets one; a missing value renders as an empty string rather than `{{name}}`.
 */
import { variablesOf, type NotificationKind } from './kinds.ts';

export type NotificationLocale = 'vi' | 'en';
export type TemplateValue = string | { vi: string; en: string };
export type TemplateVariables = Record<string, TemplateValue>;

const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

export function valueIn(value: TemplateValue | undefined, locale: NotificationLocale): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value[locale];
}

export function renderTemplate(text: string, variables: TemplateVariables, locale: NotificationLocale): string {
  return text.replace(placeholder, (_, name: string) => valueIn(variables[name], locale));
}

/** What is wrong with a template text for `kind`: unknown placeholders, stray braces. Empty: fine. */
export function templateIssues(kind: NotificationKind, text: string): string[] {
  const allowed = new Set(variablesOf(kind));
  const issues: string[] = [];
  for (const m of text.matchAll(placeholder)) {
    if (!allowed.has(m[1]!)) issues.push(`unknown variable {{${m[1]}}}; allowed: ${[...allowed].join(', ')}`);
  }
  const rest = text.replace(placeholder, '');
  if (rest.includes('{{') || rest.includes('}}')) issues.push('unbalanced {{ }}');
  return issues;
}
