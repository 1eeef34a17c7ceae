/**
 * The applicant of an online dossier submitted while signed in with the e-ID (docs/rules/citizen-identity.md, "what the
 * identity provides is never asked again"). When the applicant is the signed-in person (a citizen
 * applicant with no ID number or with theirs; for a business account, an organization applicant
 * with no ID number or with its tax code), the server takes the fields the identity vouches for
 * from the identity, not from the form, and records which ones were verified and at which e-ID
 * level. A different value typed for a verified field is refused (400
 * `dossier.verified_field_changed`, naming the field), not silently replaced: the portal shows
 * these fields read-only, so a difference means a client that should not be trusted with them.
 * An applicant who is someone else (a parent filing for a child) keeps what was typed, unverified.
 */
import { AppError, applicantClaims, type CitizenIdentity } from '@motcua/domain';
import type { ApplicantInput } from './intake.usecases.ts';

/** The applicant as stored on the dossier: the input, plus what the e-ID verified. */
export type StoredApplicant = ApplicantInput & { birthDate?: string; verified?: string[]; eidLevel?: 1 | 2 };

const same = (field: string, typed: string, verified: string) =>
  field === 'email' ? typed.trim().toLowerCase() === verified.trim().toLowerCase() : typed.trim().normalize('NFC') === verified.trim().normalize('NFC');

/** True when `applicant` stands for the signed-in identity itself. */
export function isSelf(applicant: ApplicantInput, identity: CitizenIdentity): boolean {
  if (applicant.kind === 'organization') return identity.kind === 'business' && identity.taxCode !== null && (!applicant.idNumber || applicant.idNumber === identity.taxCode);
  return identity.personalId !== null && (!applicant.idNumber || applicant.idNumber === identity.personalId);
}

/** The applicant to store: verified fields from the identity when the applicant is the signed-in person. */
export function verifiedApplicant(applicant: ApplicantInput, identity: CitizenIdentity | undefined): StoredApplicant {
  if (!identity || !isSelf(applicant, identity)) return { ...applicant };
  const claims = applicantClaims(identity, applicant.kind);
  const stored: StoredApplicant = { ...applicant };
  const verified: string[] = [];
  const issues: Array<{ path: string; message: string }> = [];
  for (const [field, value] of claims) {
    const typed = applicant[field];
    if (typeof typed === 'string' && typed.trim() !== '' && !same(field, typed, value)) {
      issues.push({ path: `applicant.${field}`, message: 'verified by the e-ID; send the verified value or leave it out' });
      continue;
    }
    (stored as unknown as Record<string, unknown>)[field] = value;
    verified.push(field);
  }
  if (issues.length) throw new AppError('dossier.verified_field_changed', { issues });
  if (applicant.kind === 'citizen' && identity.birthDate) {
    stored.birthDate = identity.birthDate;
    verified.push('birthDate');
  }
  return { ...stored, verified, eidLevel: identity.eidLevel };
}
