/**
 * Numbers and symbols of official documents (Decree 30/2020/NĐ-CP art. 15 and Annex III;
 * docs/rules/document-office.md). Pure: the instant a number is taken is a parameter.
 */
import { AppError } from '../errors.ts';
import { civilFromEpochDay, localEpochDay, type Instant } from '../calendar/time.ts';
import { officialDocumentTypeDefinitions, type OfficialDocumentType } from './document-types.ts';

/**
 * The register year of an instant: the calendar year in Vietnam time. Decree 30/2020 art. 15:
 * numbers run from 01 on 1 January to 31 December, so a document registered at
 * 2026-12-31T23:30+07:00 belongs to 2026 and one at 2027-01-01T00:10+07:00 is 01 of 2027.
 */
export function registerYearOf(instant: Instant): number {
  return civilFromEpochDay(localEpochDay(instant)).year;
}

/** A register number as printed: at least two digits (01, 02, … 10, 100). */
export function formatDocumentNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new AppError('office.invalid_number', { details: { number: n } });
  return String(n).padStart(2, '0');
}

/**
 * The symbol after the number (Decree 30/2020 Annex III): `QĐ-UBND` for a decision of a People's
 * Committee; a letter (công văn) names the agency and the drafting unit instead, `UBND-VP`.
 */
export function documentSymbol(input: { type: OfficialDocumentType; agencyAbbreviation: string; draftingUnitAbbreviation?: string | null }): string {
  const agency = input.agencyAbbreviation.trim();
  if (!agency) throw new AppError('office.invalid_symbol', { details: { field: 'agencyAbbreviation' } });
  const abbreviation = officialDocumentTypeDefinitions[input.type].abbreviation;
  if (abbreviation) return `${abbreviation}-${agency}`;
  const unit = input.draftingUnitAbbreviation?.trim();
  if (!unit) throw new AppError('office.drafting_unit_required');
  return `${agency}-${unit}`;
}

/** Number and symbol together, as printed after "Số:": `12/QĐ-UBND`, `34/UBND-VP`. */
export function numberAndSymbol(number: number, symbol: string): string {
  return `${formatDocumentNumber(number)}/${symbol}`;
}

const peoplesCommittee = /^(ủy|uỷ) ban nhân dân\b/iu;
const peoplesCouncil = /^hội đồng nhân dân\b/iu;
/** Words that name the place, not the body ("Sở Tư pháp tỉnh Ninh Bình" → "Sở Tư pháp"). */
const placeWords = /\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s.*$/iu;
const minorWords = new Set(['và', 'của']);

/**
 * The abbreviation of an agency's name in symbols, as practice writes it: `UBND` for a People's
 * Committee at any level, `HĐND` for a People's Council, otherwise the initials of the body's name
 * without its place (`Sở Tư pháp tỉnh Ninh Bình` → `STP`). A register keeps the abbreviation it was
 * opened with, so a renamed agency does not change the symbols of a year.
 */
export function agencyAbbreviation(name: string): string {
  const trimmed = name.trim().normalize('NFC');
  if (peoplesCommittee.test(trimmed)) return 'UBND';
  if (peoplesCouncil.test(trimmed)) return 'HĐND';
  const body = trimmed.replace(placeWords, '');
  const initials = body
    .split(/[\s,;-]+/u)
    .filter((w) => w && !minorWords.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return initials || 'CQ';
}
