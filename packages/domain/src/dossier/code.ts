/**
 * Dossier codes (Circular 03/2025 art. 13; docs/rules/dossier-lifecycle.md): `<agency electronic id>-<YYMMDD>-<daily
 * sequence, at least 4 digits>`, e.g. `000.00.12.H40-250304-0007`. Unique and never reused.
 */

/** Formats a code from the agency's electronic id, the local date (YYYY-MM-DD) and the sequence. */
export function formatDossierCode(agencyCode: string, localDate: string, sequence: number): string {
  const yymmdd = localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

const codePattern = /^([A-Za-z0-9.]{1,40})-(\d{2})(\d{2})(\d{2})-(\d{4,9})$/;

/** Parses a dossier code; undefined when it is not one (used to refuse bad public lookups early). */
export function parseDossierCode(code: string): { agencyCode: string; yymmdd: string; sequence: number } | undefined {
  const m = codePattern.exec(code);
  if (!m) return undefined;
  const [, agencyCode, yy, mm, dd, seq] = m;
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { agencyCode: agencyCode!, yymmdd: `${yy}${mm}${dd}`, sequence: Number(seq) };
}

/** Applicant's initials for public pages: "Nguyễn Văn An" → "N.V.A." (no other personal data). */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + '.')
    .join('');
}
