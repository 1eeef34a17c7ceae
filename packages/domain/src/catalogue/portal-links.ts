/**
 * The portal addresses a printed QR code opens (the desk's posters): built once here so that what
 * is printed and what the portal serves (apps/web/src/portal/paths.ts) keep the same paths.
 */

const base = (publicBaseUrl: string) => publicBaseUrl.replace(/\/$/, '');

/** A procedure's public page, `/thu-tuc/<code>`. */
export function procedurePageLink(publicBaseUrl: string, procedureCode: string): string {
  return `${base(publicBaseUrl)}/thu-tuc/${encodeURIComponent(procedureCode)}`;
}

/** Online submission of a procedure, `/nop-ho-so/<code>`. */
export function submissionLink(publicBaseUrl: string, procedureCode: string): string {
  return `${base(publicBaseUrl)}/nop-ho-so/${encodeURIComponent(procedureCode)}`;
}

/** The catalogue filtered to the procedures an agency implements, `/thu-tuc?co-quan=<code>`. */
export function agencyCatalogueLink(publicBaseUrl: string, agencyCode: string): string {
  return `${base(publicBaseUrl)}/thu-tuc?co-quan=${encodeURIComponent(agencyCode)}`;
}

/** The feedback form with the agency chosen, `/phan-anh?co-quan=<code>`. */
export function agencyFeedbackLink(publicBaseUrl: string, agencyCode: string): string {
  return `${base(publicBaseUrl)}/phan-anh?co-quan=${encodeURIComponent(agencyCode)}`;
}

/**
 * Where an applicant without a rating QR code rates a dossier: "Hồ sơ của tôi", signed in with the
 * e-ID (the rating proof `eid`; a one-time token is printed per dossier, never on a wall).
 */
export function myDossiersLink(publicBaseUrl: string): string {
  return `${base(publicBaseUrl)}/ho-so-cua-toi`;
}
