/**
 * The citizen's data store (kho quản lý dữ liệu điện tử, Decree 45/2020/NĐ-CP art. 16): when a
 * stored document may stand for a component of a new dossier instead of a new upload
 * (docs/rules/data-store.md). Pure: the date is the local date of the submission or receipt.
 */
import type { PlainDate } from '../calendar/time.ts';
import { documentTypeInfo, type DocumentType } from '../catalogue/document-types.ts';

/** What the rule needs to know of a stored document. */
export interface StoredDocumentFacts {
  documentType: string;
  /** Local date of issue. */
  issuedOn: PlainDate;
  /** Last local day it is valid (inclusive); null when it does not expire. */
  validUntil: PlainDate | null;
}

export type ReuseRefusal = 'component_untyped' | 'type_mismatch' | 'not_yet_issued' | 'expired';

export type ReuseDecision = { usable: true } | { usable: false; reason: ReuseRefusal };

/**
 * Whether `document` may be used for a component of kind `componentType` on local date `on`:
 * the same kind of paper, already issued, and still valid that day (its last day included).
 */
export function storedDocumentUsable(document: StoredDocumentFacts, componentType: string | null | undefined, on: PlainDate): ReuseDecision {
  if (!componentType) return { usable: false, reason: 'component_untyped' };
  if (document.documentType !== componentType) return { usable: false, reason: 'type_mismatch' };
  if (on < document.issuedOn) return { usable: false, reason: 'not_yet_issued' };
  if (document.validUntil !== null && on > document.validUntil) return { usable: false, reason: 'expired' };
  return { usable: true };
}

/** Valid (still usable on `on`) or expired, as the store shows it. */
export function documentValidity(document: Pick<StoredDocumentFacts, 'validUntil'>, on: PlainDate): 'valid' | 'expired' {
  return document.validUntil !== null && on > document.validUntil ? 'expired' : 'valid';
}

/**
 * The last day a paper of `type` issued on `issuedOn` is valid, by the rule of law for its kind
 * (`documentTypeInfo`), or null when none applies. A period in months ends on the corresponding
 * day of its last month, or that month's last day when it has none (Civil Code 2015 art. 147–148).
 */
export function defaultValidUntil(type: DocumentType, issuedOn: PlainDate): PlainDate | null {
  const months = documentTypeInfo[type].validityMonths;
  return months === undefined ? null : addMonths(issuedOn, months);
}

/** `date` moved by whole months; a day the target month lacks becomes its last day (31 → 30, 28 or 29). */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as PlainDate;
}
