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
