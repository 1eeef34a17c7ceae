/**
 * The shape of an e-form definition (docs/bundle-format.md, `eforms.json` and a procedure's
 * `declaration`), one schema for the bundle, `POST /api/v1/procedures` and the public procedure
 * API that gives it to the portal. Meaning (unique keys, limits in order, prefill that fits) is
 * checked by the domain's `validateEFormDefinition`; a declaration filled on a form, by
 * `validateDeclaration`.
 */
import { z } from 'zod';
import { eformFieldTypes, identityClaims, inputText } from '@motcua/domain';

const Text = (max: number) => inputText().trim().min(1).max(max);
const Localized = (max: number) => z.object({ vi: Text(max), en: Text(max) });
const Key = inputText().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'a letter, then letters, digits or _ (at most 64)');
const DateLimit = inputText().regex(/^(today|\d{4}-\d{2}-\d{2})$/, 'a date YYYY-MM-DD or "today"');
const NumberLimit = z.union([z.number().finite(), z.literal('thisYear')]);

export const EFormFieldSchema = z.object({
  key: Key,
  label: Localized(300),
  type: z.enum(eformFieldTypes),
  required: z.boolean().optional(),
  hint: Localized(500).optional(),
  minLength: z.number().int().min(0).max(10_000).optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  pattern: inputText().min(1).max(500).optional().describe('a regular expression (Unicode), anchored with ^…$ when the whole value must match'),
  patternMessage: Localized(300).optional(),
  min: NumberLimit.optional(),
  max: NumberLimit.optional(),
  integer: z.boolean().optional(),
  minDate: DateLimit.optional(),
  maxDate: DateLimit.optional(),
  choices: z.array(z.object({ value: Text(100), label: Localized(300) })).max(300).optional(),
  prefill: z.enum(identityClaims).optional().describe('the e-ID claim that fills the field for a signed-in citizen (then verified, read-only)'),
  half: z.boolean().optional(),
});

export const EFormSchema = z.object({
  id: inputText().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and -'),
  version: z.number().int().min(1).max(10_000),
  title: Localized(300),
  legalForm: z.object({ name: Text(300), basis: Text(500) }),
  addressee: Text(300).optional(),
  component: z.number().int().min(0).max(200).optional().describe('index of the procedure’s component this form replaces'),
  sections: z.array(z.object({ key: Key, title: Localized(300), fields: z.array(EFormFieldSchema).max(200) })).min(1).max(50),
  commitment: Localized(2000).optional(),
  signer: z.object({ title: Localized(200), nameField: Key.optional() }).optional(),
});
export type EFormSchema = z.infer<typeof EFormSchema>;

/** The answers of a declaration: by field key, text (dates YYYY-MM-DD, choices by value), numbers or checkboxes. */
export const DeclarationAnswers = z
  .record(Key, z.union([inputText().max(10_000), z.number().finite(), z.boolean(), z.null()]))
  .refine((r) => Object.keys(r).length <= 500, 'at most 500 answers')
  .describe('the declaration e-form of the procedure (tờ khai điện tử), by field key; the procedure’s `declaration` gives the fields');
