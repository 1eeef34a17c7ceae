/**
 * Interactive e-forms (tờ khai điện tử, docs/eforms.md): the declaration of a procedure
 * as data — its sections and fields, their types, choices and limits, and which claim of the
 * signed-in citizen's e-ID fills which field. A definition is stored inside the procedure version
 * it belongs to, so it is frozen and hashed with the rest of the version's content.
 */
import type { IdentityClaim } from '../access/identity.ts';

/** Vietnamese first, English for the English interface. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export const eformFieldTypes = [
  'text', 'textarea', 'date', 'number', 'select', 'radio', 'checkbox', 'personalId', 'phone', 'email',
] as const;
export type EFormFieldType = (typeof eformFieldTypes)[number];

/** A date limit: a plain date `YYYY-MM-DD`, or `today` (the local date injected at validation). */
export type DateLimit = string;
/** A number limit: a number, or `thisYear` (the year of the injected local date), for years of birth. */
export type NumberLimit = number | 'thisYear';

export interface EFormChoice {
  value: string;
  label: LocalizedText;
}

export interface EFormField {
  /** Unique in the form: `childName`, `motherPersonalId`. The answers are keyed by it. */
  key: string;
  label: LocalizedText;
  type: EFormFieldType;
  required?: boolean | undefined;
  /** A short help line under the input. */
  hint?: LocalizedText | undefined;
  /** Text types: limits in characters, after trimming. */
  minLength?: number | undefined;
  maxLength?: number | undefined;
  /** Text types: a regular expression (source, unanchored: anchor it with ^…$) the value matches. */
  pattern?: string | undefined;
  /** Shown when `pattern` does not match. */
  patternMessage?: LocalizedText | undefined;
  /** `number`: inclusive limits; whole numbers only when `integer`. */
  min?: NumberLimit | undefined;
  max?: NumberLimit | undefined;
  integer?: boolean | undefined;
  /** `date`: inclusive limits. */
  minDate?: DateLimit | undefined;
  maxDate?: DateLimit | undefined;
  /** `select` and `radio`: the values allowed, in display order. */
  choices?: EFormChoice[] | undefined;
  /** The identity claim that fills this field for a signed-in citizen; the value is then verified (read-only). */
  prefill?: IdentityClaim | undefined;
  /** Layout hint: half the width (two such fields share a line on screen). */
  half?: boolean | undefined;
}

export interface EFormSection {
  key: string;
  title: LocalizedText;
  fields: EFormField[];
}

/** The declaration e-form of a procedure version. */
export interface EFormDefinition {
  /** Stable across versions of the procedure: `to-khai-khai-sinh`. */
  id: string;
  /** Raised when the form's fields change; the dossier records `id@version`. */
  version: number;
  /** As printed: "TỜ KHAI ĐĂNG KÝ KHAI SINH". */
  title: LocalizedText;
  /** The legal form it reproduces and where it is published. */
  legalForm: { name: string; basis: string };
  /** The "Kính gửi" line; absent: the receiving agency's name. */
  addressee?: string | undefined;
  /**
   * Index into the procedure version's components: the paper this form replaces. A dossier with
   * the e-form filled counts that component as received and digitized.
   */
  component?: number | undefined;
  sections: EFormSection[];
  /** The declarant's commitment printed above the signature ("Tôi cam đoan …"). */
  commitment?: LocalizedText | undefined;
  /** Who signs: the title over the signature and the key of the field holding the signer's name. */
  signer?: { title: LocalizedText; nameField?: string | undefined } | undefined;
}

/** One answer: text (dates as `YYYY-MM-DD`, choices as their value), a number, or a checkbox. */
export type EFormValue = string | number | boolean;
export type EFormAnswers = Record<string, EFormValue>;

/** A declaration as stored on a dossier: the answers and the keys whose value came from the e-ID. */
export interface StoredDeclaration {
  answers: EFormAnswers;
  verified: string[];
}

/** Every field of a form, in order. */
export function formFields(form: EFormDefinition): EFormField[] {
  return form.sections.flatMap((s) => s.fields);
}

/** `to-khai-khai-sinh@1`: how a dossier names the form it was filled on. */
export function formReference(form: Pick<EFormDefinition, 'id' | 'version'>): string {
  return `${form.id}@${form.version}`;
}

/** Field types whose value is text typed by a person. */
export const textualTypes: ReadonlySet<EFormFieldType> = new Set(['text', 'textarea', 'personalId', 'phone', 'email']);
