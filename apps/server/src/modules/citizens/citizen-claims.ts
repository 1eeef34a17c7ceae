/**
 * From the claims the e-ID provider vouches for (ID token and UserInfo, merged) to the
 * `CitizenIdentity` Motcua keeps. The claim names are the bundled development provider's and are
 * listed in docs/citizen-sign-in.md: the standard OpenID Connect ones (`name`, `birthdate`,
 * `gender`, `address`, `phone_number`, `email`) and VNeID's own (`personal_id`, `eid_level` or
 * `acr`, `account_type`, `organization_name`, `tax_code`). An identity that does not map is
 * refused whole: nothing half-known is signed in.
 */
import { z } from 'zod';
import type { CitizenIdentity, EidLevel } from '@motcua/domain';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null));

const ClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  name: z.string().trim().min(1, 'name is empty').max(200),
  // Số định danh cá nhân: 12 digits (Law on Identification 2023, art. 12).
  personal_id: z.string().regex(/^[0-9]{12}$/, 'personal_id must be 12 digits'),
  birthdate: z.iso.date().optional().transform((v) => v ?? null),
  gender: z.string().optional().transform((v) => (v === 'male' || v === 'female' ? v : null)),
  address: z
    .union([z.string(), z.object({ formatted: z.string().optional() })])
    .optional()
    .transform((v) => (typeof v === 'string' ? v : v?.formatted)?.trim().slice(0, 500) || null),
  phone_number: optionalText(30),
  email: optionalText(254),
  eid_level: z.union([z.literal(1), z.literal(2), z.enum(['1', '2'])]).optional(),
  acr: z.string().optional(),
  account_type: z.enum(['citizen', 'business']).default('citizen'),
  organization_name: optionalText(300),
  // Mã số doanh nghiệp: 10 digits, a branch adds -NNN.
  tax_code: z.string().regex(/^[0-9]{10}(-[0-9]{3})?$/, 'tax_code must be 10 digits (or 10-3)').optional(),
});

export type IdentityMapping = { ok: true; identity: CitizenIdentity } | { ok: false; problems: string[] };

/** The identity `issuer` vouches for with `claims`, or the reasons it cannot be used. */
export function identityFromClaims(issuer: string, claims: Record<string, unknown>): IdentityMapping {
  const parsed = ClaimsSchema.safeParse(claims);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`) };
  const c = parsed.data;
  const eidLevel = eidLevelOf(c.eid_level, c.acr);
  const problems: string[] = [];
  if (!eidLevel) problems.push('eid_level: missing (neither eid_level nor a level-1/2 acr)');
  if (c.account_type === 'business' && (!c.tax_code || !c.organization_name)) problems.push('business account without tax_code and organization_name');
  if (problems.length > 0 || !eidLevel) return { ok: false, problems };
  const business = c.account_type === 'business';
  return {
    ok: true,
    identity: {
      issuer,
      subject: c.sub,
      kind: c.account_type,
      fullName: c.name,
      personalId: c.personal_id,
      birthDate: c.birthdate,
      gender: c.gender,
      address: c.address,
      phone: c.phone_number,
      email: c.email,
      eidLevel,
      organizationName: business ? c.organization_name : null,
      taxCode: business ? (c.tax_code ?? null) : null,
    },
  };
}

/** `eid_level` when given, else the last digit of an `acr` such as `urn:vn:vneid:loa:2`. */
function eidLevelOf(level: 1 | 2 | '1' | '2' | undefined, acr: string | undefined): EidLevel | undefined {
  if (level !== undefined) return Number(level) as EidLevel;
  const digit = acr?.match(/([12])$/)?.[1];
  return digit ? (Number(digit) as EidLevel) : undefined;
}
