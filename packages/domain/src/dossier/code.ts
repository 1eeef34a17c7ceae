/**
 * Dossier codes (docs/rules/dossier-lifecycle.md, "Dossier codes"). Two rules, not one:
 * - a code **as stored**: what the applicant's receipt says, Motcua's own or an earlier system's
 *   (`GT-X19-039574`, `H40.22-230802-0001`, `HS/2023/000123`), kept exactly as written: 1–64
 *   letters, digits, `.`, `-`, `_`, `/`. Unique whatever the case of its letters, and found
 *   whatever case it is typed in; shown always as stored;
 * - the code Motcua **generates** (Circular 03/2025 art. 13): `<agency electronic id>-<YYMMDD>-<daily
 *   sequence, at least 4 digits>`, e.g. `000.00.12.H40-250304-0007`. Unique and never reused.
 */

/** The longest code a dossier may have (an earlier system's included). */
export const dossierCodeMaxLength = 64;

const storedCodePattern = /^[A-Za-z0-9._/-]{1,64}$/;

/** True when `code` can be a dossier's code (as stored: Motcua's format or an earlier system's). */
export function isDossierCode(code: string): boolean {
  return storedCodePattern.test(code);
}

/** Why `code` cannot be a dossier's code, in a few words; undefined when it can. */
export function dossierCodeProblem(code: string): string | undefined {
  if (code.length === 0) return 'a dossier code cannot be empty';
  if (code.length > dossierCodeMaxLength) return `a dossier code has at most ${dossierCodeMaxLength} characters (this one has ${code.length})`;
  if (!storedCodePattern.test(code)) return 'a dossier code holds only letters A–Z, digits, ".", "-", "_" and "/"';
  return undefined;
}

/**
 * The form in which two codes are compared: codes differing only by the case of their letters are
 * the same code (a citizen reading one out cannot tell them apart). The database's unique index
 * and every lookup use the same folding (`upper(code)`).
 */
export function dossierCodeKey(code: string): string {
  return code.toUpperCase();
}

/** The daily sequence is written with at least this many digits (zeros in front), more when it needs them. */
export const dossierSequenceDigits = 4;

/** What a day's codes of an agency start with: its electronic id and the local date (YYYY-MM-DD) as yymmdd. */
export function dossierCodePrefix(agencyCode: string, localDate: string): string {
  const yymmdd = localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
  return `${agencyCode}-${yymmdd}-`;
}

/** Formats a code from the agency's electronic id, the local date (YYYY-MM-DD) and the sequence. */
export function formatDossierCode(agencyCode: string, localDate: string, sequence: number): string {
  return dossierCodePrefix(agencyCode, localDate) + String(sequence).padStart(dossierSequenceDigits, '0');
}

const codePattern = /^([A-Za-z0-9.]{1,40})-(\d{2})(\d{2})(\d{2})-(\d{4,9})$/;

/** Parses a code of Motcua's own format; undefined for any other (an earlier system's code included). */
export function parseDossierCode(code: string): { agencyCode: string; yymmdd: string; sequence: number } | undefined {
  const m = codePattern.exec(code);
  if (!m) return undefined;
  const [, agencyCode, yy, mm, dd, seq] = m;
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { agencyCode: agencyCode!, yymmdd: `${yy}${mm}${dd}`, sequence: Number(seq) };
}

/**
 * The receipt's number in the tracking book (form 01, form 06): the daily sequence of a Motcua code,
 * or the whole code of an earlier system's.
 */
export function receiptNumberOf(code: string): string {
  const parsed = parseDossierCode(code);
  return parsed ? code.slice(code.lastIndexOf('-') + 1) : code;
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
