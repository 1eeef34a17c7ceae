/**
 * The applicant of a dossier as a form holds it (counter intake and online submission alike), the
 * checks made before sending — the server's own rules (packages/domain/src/validation/fields.ts)
 * — and the shape the API takes.
 */
import { applicantClaims, isEmail, isIdNumber, isPhone, normalizeIdNumber, type ApplicantClaimField, type CitizenIdentity } from '@motcua/domain';

export { normalizeIdNumber };
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

export type ApplicantField = 'name' | 'idNumber' | 'phone' | 'email';
export type { ApplicantClaimField };

/**
 * The applicant when the signed-in person files for themselves: a person as a citizen, a business
 * account as its organization, every field the e-ID vouches for filled in and listed as verified
 * (shown read-only; the server takes them from the identity).
 */
export function selfApplicant(identity: CitizenIdentity): { draft: ApplicantDraft; verified: ApplicantClaimField[] } {
  const kind: ApplicantKind = identity.kind === 'business' ? 'organization' : 'citizen';
  const claims = applicantClaims(identity, kind);
  return { draft: { ...emptyApplicant, kind, ...Object.fromEntries(claims) }, verified: claims.map(([field]) => field) };
}
export type ApplicantErrors = Partial<Record<ApplicantField, 'required' | 'invalid'>>;

export function checkApplicant(applicant: ApplicantDraft, options: { phoneRequired?: boolean } = {}): ApplicantErrors {
  const errors: ApplicantErrors = {};
  if (!applicant.name.trim()) errors.name = 'required';
  const id = normalizeIdNumber(applicant.idNumber);
  if (id && !isIdNumber(id)) errors.idNumber = 'invalid';
  const phone = applicant.phone.trim();
  if (!phone && options.phoneRequired) errors.phone = 'required';
  else if (phone && !isPhone(phone)) errors.phone = 'invalid';
  const email = applicant.email.trim();
  if (email && !isEmail(email)) errors.email = 'invalid';
  return errors;
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

