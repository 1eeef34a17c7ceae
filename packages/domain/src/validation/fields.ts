/**
 * The rules for the fields people type — e-mail, phone, identity paper number, username,
 * password, names — written once: the server's zod schemas are built from them, and the web
 * forms check the same patterns before sending (a plain `RegExp.test`, no zod in the page), so
 * a form never accepts what the server refuses, nor refuses what it accepts.
 */
import { z } from 'zod';
import { inputText } from './text.ts';

/**
 * An e-mail address: a dotted local part of letters, digits and `_ ' + -`, an `@`, and a domain
 * of dotted labels ending in a top-level domain of two letters or more (the pattern zod checks
 * with `z.email()`, named here so that the forms check it too).
 */
export const emailPattern = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** RFC 5321's limit for a path (an address that can actually be delivered to). */
export const emailMaxLength = 254;
export const isEmail = (value: string): boolean => value.length <= emailMaxLength && emailPattern.test(value);

/** A phone number as written on a form: digits, spaces, dots and dashes, an optional leading `+`; 8–20 characters. */
export const phonePattern = /^\+?[0-9 .-]{8,20}$/;
export const isPhone = (value: string): boolean => phonePattern.test(value);

/**
 * The number of an identity paper: the 12 digits of a citizen identity card (căn cước, whose
 * number is the personal identification number), the 9 digits of an old identity card, a
 * passport number, or an organization's tax code — 6 to 20 digits or capital letters, read off
 * the paper without spaces (`normalizeIdNumber`).
 */
export const idNumberPattern = /^[0-9A-Z]{6,20}$/;
export const isIdNumber = (value: string): boolean => idNumberPattern.test(value);
/** ID numbers are read off cards: spaces dropped, letters in capitals. */
export const normalizeIdNumber = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

/** A personal identification number (số định danh cá nhân, on the căn cước): 12 digits. */
export const personalIdPattern = /^\d{12}$/;
export const isPersonalId = (value: string): boolean => personalIdPattern.test(value);

/** A tax code (mã số thuế): 10 digits, or 10 digits, a dash and 3 digits for a branch. */
export const taxCodePattern = /^\d{10}(?:-\d{3})?$/;
export const isTaxCode = (value: string): boolean => taxCodePattern.test(value);

/** A staff username: 3–64 letters, digits, `.`, `_` or `-`. */
export const usernamePattern = /^[a-zA-Z0-9._-]{3,64}$/;
export const isUsername = (value: string): boolean => usernamePattern.test(value);

/** A staff password: at least 10 characters (at most 200). */
export const passwordMinLength = 10;
export const passwordMaxLength = 200;

/** Names of people and organizations: 1–200 characters once trimmed. */
export const personNameMaxLength = 200;
export const addressMaxLength = 300;

// ---- zod schemas (the server's; the web uses the patterns above) ------------------------------

export const emailInput = () => z.email({ pattern: emailPattern }).max(emailMaxLength);
export const phoneInput = () => inputText().trim().regex(phonePattern, 'a phone number: 8–20 digits, spaces, dots or dashes, an optional leading +');
export const idNumberInput = () => inputText().trim().regex(idNumberPattern, 'ID number: 6–20 digits or capital letters');
export const usernameInput = () => inputText().trim().regex(usernamePattern, '3–64 letters, digits, . _ - only');
export const passwordInput = () => inputText().min(passwordMinLength, `at least ${passwordMinLength} characters`).max(passwordMaxLength);
export const personNameInput = () => inputText().trim().min(1).max(personNameMaxLength);
