/**
 * The applicant of a dossier as a form holds it (counter intake and online submission alike), the
 * checks made before sending — the server's own patterns — and the shape the API takes.
 */
export type ApplicantKind = 'citizen' | 'organization';

export interface ApplicantDraft {
  kind: ApplicantKind;
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  representative: string;
}

export const emptyApplicant: ApplicantDraft = { kind: 'citizen', name: '', idNumber: '', phone: '', email: '', address: '', representative: '' };

/** Same patterns as the server's schema (OpenAPI `applicant`). */
export const idNumberPattern = /^[0-9A-Z]{6,20}$/;
export const phonePattern = /^\+?[0-9 .-]{8,20}$/;
export const emailPattern = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

export type ApplicantField = 'name' | 'idNumber' | 'phone' | 'email';
export type ApplicantErrors = Partial<Record<ApplicantField, 'required' | 'invalid'>>;

export function checkApplicant(applicant: ApplicantDraft, options: { phoneRequired?: boolean } = {}): ApplicantErrors {
  const errors: ApplicantErrors = {};
  if (!applicant.name.trim()) errors.name = 'required';
  const id = normalizeIdNumber(applicant.idNumber);
  if (id && !idNumberPattern.test(id)) errors.idNumber = 'invalid';
  const phone = applicant.phone.trim();
  if (!phone && options.phoneRequired) errors.phone = 'required';
  else if (phone && !phonePattern.test(phone)) errors.phone = 'invalid';
  const email = applicant.email.trim();
  if (email && !emailPattern.test(email)) errors.email = 'invalid';
  return errors;
}

/** ID numbers are read off cards: spaces dropped, letters in capitals. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The applicant as the API takes it: trimmed, empty fields left out. */
export function applicantBody(applicant: ApplicantDraft) {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    kind: applicant.kind,
    name: applicant.name.trim(),
    idNumber: optional(normalizeIdNumber(applicant.idNumber)),
    phone: optional(applicant.phone),
    email: optional(applicant.email),
    address: optional(applicant.address),
    representative: applicant.kind === 'organization' ? optional(applicant.representative) : undefined,
  };
}

