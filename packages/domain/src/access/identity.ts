/**
 * A citizen's or a business's identity as the national e-ID (VNeID) vouches for it, after sign-in
 * over OpenID Connect. Every field here came from the identity provider: a form prefilled from it
 * marks the field as verified and does not let it be edited (docs/rules/citizen-identity.md).
 */
export const identityKinds = ['citizen', 'business'] as const;
export type IdentityKind = (typeof identityKinds)[number];

/** e-ID assurance level: 1 (account on the phone number), 2 (checked against the chip ID card). */
export type EidLevel = 1 | 2;

export interface CitizenIdentity {
  /** Who vouches (the provider's issuer URL) and its subject identifier: unique together. */
  issuer: string;
  subject: string;
  kind: IdentityKind;
  /** The person (for a business: its legal representative who signed in). */
  fullName: string;
  /** 12-digit personal identification number (số định danh cá nhân). */
  personalId: string | null;
  /** yyyy-mm-dd. */
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  /** Permanent residence, one line. */
  address: string | null;
  phone: string | null;
  email: string | null;
  eidLevel: EidLevel;
  /** For a business account: the company and its tax code (mã số doanh nghiệp). */
  organizationName: string | null;
  taxCode: string | null;
}

/**
 * The identity's fields an e-form may be prefilled from: the names a form definition uses in its
 * `prefill` (docs/rules/citizen-identity.md).
 */
export const identityClaims = ['fullName', 'personalId', 'birthDate', 'gender', 'address', 'phone', 'email', 'organizationName', 'taxCode'] as const;
export type IdentityClaim = (typeof identityClaims)[number];

/** The value of one claim of `identity`, or null when the provider did not give it. */
export function claimOf(identity: CitizenIdentity, claim: IdentityClaim): string | null {
  return identity[claim];
}

/** A field of a dossier's applicant that the e-ID can vouch for. */
export type ApplicantClaimField = 'name' | 'idNumber' | 'representative' | 'address' | 'phone' | 'email';

/**
 * When a dossier's applicant is the signed-in identity itself: the applicant's fields the identity
 * vouches for, with their values (a claim the provider did not give is left out). A person files
 * as a citizen (name, personal ID number, address, phone, e-mail); a business account as the
 * organization (company name, tax code, its representative — the person who signed in —, phone,
 * e-mail). A form shows these read-only and marked as verified; the server takes them from the
 * identity (docs/rules/citizen-identity.md).
 */
export function applicantClaims(identity: CitizenIdentity, applicantKind: 'citizen' | 'organization'): Array<[ApplicantClaimField, string]> {
  const claims: Array<[ApplicantClaimField, string | null]> = applicantKind === 'organization'
    ? identity.kind === 'business'
      ? [['name', identity.organizationName], ['idNumber', identity.taxCode], ['representative', identity.fullName], ['phone', identity.phone], ['email', identity.email]]
      : []
    : [['name', identity.fullName], ['idNumber', identity.personalId], ['address', identity.address], ['phone', identity.phone], ['email', identity.email]];
  return claims.filter((c): c is [ApplicantClaimField, string] => c[1] !== null);
}
