/**
 * A filled declaration: its checks against the form (the same on the portal, at the counter and
 * on the server), the prefill from a signed-in citizen's e-ID, and the rule that a verified value
 * is the identity's whatever was typed: what the identity provides is never asked again.
 */
import { claimOf, type CitizenIdentity } from '../access/identity.ts';
import { isCatalogueDate } from '../catalogue/dates.ts';
import type { FieldIssue, Messages } from '../errors.ts';
import { isEmail, isPersonalId, isPhone } from '../validation/fields.ts';
import { textProblem } from '../validation/text.ts';
import { formFields, textualTypes, type EFormAnswers, type EFormDefinition, type EFormField, type EFormValue, type NumberLimit } from './form.ts';

/** An issue of one answer: `path` is the field's key; `messages` are ready to show beside the input. */
export interface DeclarationIssue extends FieldIssue {
  messages: Messages;
}

export interface DeclarationOptions {
  /** The local date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh) that `today` in date limits means. */
  today: string;
}

/** Default length limits of text answers, when the form gives none. */
export const DEFAULT_TEXT_MAX = 200;
export const DEFAULT_TEXTAREA_MAX = 2000;

/**
 * Answers as they will be checked and stored: text trimmed, empty text and `null` left out, a
 * number typed as text turned into a number. Keys the form does not have are kept (and refused
 * by `validateDeclaration`).
 */
export function normalizeDeclaration(form: EFormDefinition, answers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const types = new Map(formFields(form).map((f) => [f.key, f.type]));
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(answers)) {
    if (raw === null || raw === undefined) continue;
    let value = raw;
    if (typeof value === 'string') {
      value = types.get(key) === 'textarea' ? value.replace(/\s+$/u, '').replace(/^\s*\n/u, '') : value.trim();
      if (value === '') continue;
      if (types.get(key) === 'number' && /^-?\d+(\.\d+)?$/.test(value as string)) value = Number(value);
    }
    out[key] = value;
  }
  return out;
}

const say = (path: string, vi: string, en: string): DeclarationIssue => ({ path, message: en, messages: { vi, en } });

const limitOf = (limit: NumberLimit, today: string): number => (limit === 'thisYear' ? Number(today.slice(0, 4)) : limit);
const dateOf = (limit: string, today: string): string => (limit === 'today' ? today : limit);
/** `2025-03-04` → `04/03/2025`, as dates are shown in Vietnam. */
const shown = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * Every problem of `answers` against `form` (normalise them first: `normalizeDeclaration`), in the
 * form's order; an empty list means the declaration can be stored. Paths are field keys.
 */
export function validateDeclaration(form: EFormDefinition, answers: Readonly<Record<string, unknown>>, options: DeclarationOptions): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const fields = formFields(form);
  const known = new Set(fields.map((f) => f.key));
  for (const field of fields) {
    const value = answers[field.key];
    const issue = answerProblem(field, value, options);
    if (issue) issues.push(issue);
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) issues.push(say(key, `Tờ khai không có mục "${key}"`, `The form has no field "${key}"`));
  }
  return issues;
}

function answerProblem(field: EFormField, value: unknown, { today }: DeclarationOptions): DeclarationIssue | null {
  const path = field.key;
  const label = field.label;
  if (value === undefined || value === null || value === '' || (field.type === 'checkbox' && value === false)) {
    return field.required ? say(path, `Vui lòng nhập "${label.vi}"`, `"${label.en}" is required`) : null;
  }
  if (field.type === 'checkbox') {
    return typeof value === 'boolean' ? null : say(path, 'Giá trị không hợp lệ (có hoặc không)', 'Expected true or false');
  }
  if (field.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return say(path, `"${label.vi}" phải là một số`, `"${label.en}" must be a number`);
    if (field.integer && !Number.isInteger(value)) return say(path, `"${label.vi}" phải là số nguyên`, `"${label.en}" must be a whole number`);
    if (field.min !== undefined && value < limitOf(field.min, today)) {
      const min = limitOf(field.min, today);
      return say(path, `"${label.vi}" không được nhỏ hơn ${min}`, `"${label.en}" must be at least ${min}`);
    }
    if (field.max !== undefined && value > limitOf(field.max, today)) {
      const max = limitOf(field.max, today);
      return say(path, `"${label.vi}" không được lớn hơn ${max}`, `"${label.en}" must be at most ${max}`);
    }
    return null;
  }
  if (typeof value !== 'string') return say(path, `"${label.vi}" phải là văn bản`, `"${label.en}" must be text`);
  const bad = textProblem(value);
  if (bad) return say(path, `"${label.vi}" chứa ký tự không hợp lệ`, `"${label.en}" ${bad}`);
  switch (field.type) {
    case 'date': {
      if (!isCatalogueDate(value)) return say(path, `"${label.vi}" không phải là ngày hợp lệ`, `"${label.en}" is not a valid date (YYYY-MM-DD)`);
      if (field.minDate && value < dateOf(field.minDate, today)) {
        const min = dateOf(field.minDate, today);
        return say(path, `"${label.vi}" không được trước ngày ${shown(min)}`, `"${label.en}" must not be before ${shown(min)}`);
      }
      if (field.maxDate && value > dateOf(field.maxDate, today)) {
        const max = dateOf(field.maxDate, today);
        return field.maxDate === 'today'
          ? say(path, `"${label.vi}" không được sau ngày hôm nay`, `"${label.en}" must not be in the future`)
          : say(path, `"${label.vi}" không được sau ngày ${shown(max)}`, `"${label.en}" must not be after ${shown(max)}`);
      }
      return null;
    }
    case 'select':
    case 'radio':
      return (field.choices ?? []).some((c) => c.value === value)
        ? null
        : say(path, `Vui lòng chọn một giá trị trong danh sách cho "${label.vi}"`, `Choose one of the listed values for "${label.en}"`);
    case 'personalId':
      if (!isPersonalId(value)) return say(path, 'Số định danh cá nhân gồm 12 chữ số', 'A personal ID number has 12 digits');
      break;
    case 'phone':
      if (!isPhone(value)) return say(path, 'Số điện thoại không hợp lệ (8–20 chữ số)', 'Not a phone number (8–20 digits)');
      break;
    case 'email':
      if (!isEmail(value)) return say(path, 'Địa chỉ thư điện tử không hợp lệ', 'Not an e-mail address');
      break;
    default:
      break;
  }
  if (!textualTypes.has(field.type)) return null;
  const max = field.maxLength ?? (field.type === 'textarea' ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXT_MAX);
  const length = [...value].length;
  if (length > max) return say(path, `"${label.vi}" dài tối đa ${max} ký tự`, `"${label.en}" has at most ${max} characters`);
  if (field.minLength !== undefined && length < field.minLength) {
    return say(path, `"${label.vi}" cần ít nhất ${field.minLength} ký tự`, `"${label.en}" needs at least ${field.minLength} characters`);
  }
  if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value)) {
    return field.patternMessage
      ? say(path, field.patternMessage.vi, field.patternMessage.en)
      : say(path, `"${label.vi}" không đúng định dạng`, `"${label.en}" is not in the expected format`);
  }
  return null;
}

export interface Prefilled {
  answers: EFormAnswers;
  /** Keys filled from the identity: shown read-only, marked "verified", enforced on submission. */
  verified: string[];
}

/** The answers a signed-in citizen's identity gives the form, and which keys they are. */
export function prefillFrom(form: EFormDefinition, identity: CitizenIdentity): Prefilled {
  const answers: EFormAnswers = {};
  const verified: string[] = [];
  for (const field of formFields(form)) {
    if (!field.prefill) continue;
    const value = claimOf(identity, field.prefill);
    if (value === null || value === '') continue;
    answers[field.key] = value;
    verified.push(field.key);
  }
  return { answers, verified };
}

/**
 * The answers with every field the identity fills set to the identity's value, whatever was typed
 * (a verified value cannot be edited, in the browser or by a crafted request); other answers are
 * kept as given. Without an identity nothing is verified.
 */
export function enforceVerified<A extends Record<string, unknown>>(
  form: EFormDefinition,
  answers: A,
  identity: CitizenIdentity | null | undefined,
): { answers: A & EFormAnswers; verified: string[] } {
  if (!identity) return { answers: { ...answers } as A & EFormAnswers, verified: [] };
  const prefilled = prefillFrom(form, identity);
  return { answers: { ...answers, ...prefilled.answers } as A & EFormAnswers, verified: prefilled.verified };
}

/**
 * A declaration someone else filled (assisted filing), held against the identity of its applicant
 * when they confirm it signed in (docs/rules/assisted-filing.md): the fields the identity fills
 * whose answer equals the claim become `verified`; an answer that differs is a `mismatch` (the
 * confirmation is refused, nothing is replaced). Fields left empty stay empty and unverified.
 * Text is compared with spaces folded and in Unicode NFC, the way people type it.
 */
export function checkAgainstIdentity(
  form: EFormDefinition,
  answers: Readonly<EFormAnswers>,
  identity: CitizenIdentity,
): { verified: string[]; mismatches: DeclarationIssue[] } {
  const claims = prefillFrom(form, identity).answers;
  const same = (a: EFormValue, b: EFormValue) =>
    typeof a === 'string' && typeof b === 'string' ? a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim() : a === b;
  const verified: string[] = [];
  const mismatches: DeclarationIssue[] = [];
  for (const [key, claim] of Object.entries(claims)) {
    const answer = answers[key];
    if (answer === undefined || answer === '') continue;
    if (same(answer, claim)) verified.push(key);
    else mismatches.push({ path: key, message: 'differs from the e-ID', messages: { vi: 'Khác với thông tin định danh điện tử (VNeID)', en: 'Differs from the e-ID' } });
  }
  return { verified, mismatches };
}

/**
 * The label a stored answer prints as: a choice's Vietnamese label, "Có"/"Không" for a checkbox,
 * a date as dd/MM/yyyy; other values as they are.
 */
export function answerText(field: EFormField, value: EFormValue | undefined, language: 'vi' | 'en' = 'vi'): string {
  if (value === undefined) return '';
  if (field.type === 'checkbox') return value ? (language === 'vi' ? 'Có' : 'Yes') : (language === 'vi' ? 'Không' : 'No');
  if ((field.type === 'select' || field.type === 'radio') && typeof value === 'string') {
    return field.choices?.find((c) => c.value === value)?.label[language] ?? value;
  }
  if (field.type === 'date' && typeof value === 'string' && isCatalogueDate(value)) return shown(value);
  return String(value);
}

/**
 * The text a declaration is found by in the staff's search: every answer as printed (choice labels,
 * dates dd/MM/yyyy, personal IDs), one per line. The database folds it (`motcua_fold`).
 */
export function declarationSearchText(form: EFormDefinition, answers: EFormAnswers): string {
  return formFields(form)
    .filter((f) => f.type !== 'checkbox' && answers[f.key] !== undefined)
    .map((f) => answerText(f, answers[f.key]))
    .join('\n');
}
