/**
 * The state of an e-form declaration in a page, on the domain's rules (docs/eforms.md): the same
 * `validateDeclaration` the server runs, the prefill from a signed-in citizen's identity, and the
 * server's issues (`declaration.<key>`) mapped back to their fields.
 */
import {
  localDateOf, normalizeDeclaration, prefillFrom, validateDeclaration,
  type CitizenIdentity, type EFormDefinition, type FieldIssue,
} from '@motcua/domain';

/** The claims of a signed-in citizen as the portal knows them (`GET /auth/citizen/me`). */
export type CitizenProfile = Omit<CitizenIdentity, 'issuer' | 'subject'> & { id: string };

/** What an input holds: text as typed, a number, a checkbox. */
export type DraftValue = string | number | boolean;
export type DeclarationDraft = Record<string, DraftValue>;

/** Field key → message, in the page's language. */
export type DeclarationErrors = Record<string, string>;

/** The identity the domain's prefill reads, from the portal's profile of the signed-in citizen. */
export function identityOf(profile: CitizenProfile): CitizenIdentity {
  return {
    issuer: '', subject: profile.id, kind: profile.kind, fullName: profile.fullName, personalId: profile.personalId, birthDate: profile.birthDate,
    gender: profile.gender, address: profile.address, phone: profile.phone, email: profile.email, eidLevel: profile.eidLevel,
    organizationName: profile.organizationName, taxCode: profile.taxCode,
  };
}

/** The draft a page starts from: empty, or prefilled from the identity (with the verified keys). */
export function initialDeclaration(form: EFormDefinition, profile: CitizenProfile | null | undefined): { draft: DeclarationDraft; verified: string[] } {
  if (!profile) return { draft: {}, verified: [] };
  const { answers, verified } = prefillFrom(form, identityOf(profile));
  return { draft: answers, verified };
}

/** The answers to send: trimmed, empty ones left out. */
export function declarationBody(form: EFormDefinition, draft: DeclarationDraft): Record<string, string | number | boolean> {
  return normalizeDeclaration(form, draft) as Record<string, string | number | boolean>;
}

/** Today in Vietnam, for the date limits (`today`, `thisYear`). */
export const vietnamToday = (now: number = Date.now()): string => localDateOf(now);

/** The domain's check, as messages by field key in `language`. */
export function checkDeclaration(form: EFormDefinition, draft: DeclarationDraft, language: 'vi' | 'en', today = vietnamToday()): DeclarationErrors {
  const issues = validateDeclaration(form, normalizeDeclaration(form, draft), { today });
  return Object.fromEntries(issues.map((i) => [i.path, i.messages[language]]));
}

/** The server's issues of a refused submission that concern the declaration, by field key. */
export function serverDeclarationErrors(issues: readonly FieldIssue[], language: 'vi' | 'en'): DeclarationErrors {
  return Object.fromEntries(
    issues.filter((i) => i.path.startsWith('declaration.')).map((i) => [i.path.slice('declaration.'.length), i.messages?.[language] ?? i.message]),
  );
}
