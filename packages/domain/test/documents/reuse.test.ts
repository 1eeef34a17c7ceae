import { describe, expect, it } from 'vitest';
import { addMonths, defaultValidUntil, documentTypeInfo, documentTypes, documentValidity, storedDocumentUsable, type PlainDate } from '../../src/index.ts';

const d = (s: string) => s as PlainDate;

describe('a stored document stands for a component', () => {
  const certificate = { documentType: 'giay-chung-nhan-ket-hon', issuedOn: d('2025-03-03'), validUntil: null };
  const status = { documentType: 'xac-nhan-tinh-trang-hon-nhan', issuedOn: d('2025-03-03'), validUntil: d('2025-09-03') };

  it.each([
    ['the same kind, without expiry, years later', certificate, 'giay-chung-nhan-ket-hon', '2031-01-01', { usable: true }],
    ['a component of another kind', certificate, 'cccd', '2025-04-01', { usable: false, reason: 'type_mismatch' }],
    ['a component that names no kind of paper', certificate, undefined, '2025-04-01', { usable: false, reason: 'component_untyped' }],
    ['on its last valid day', status, 'xac-nhan-tinh-trang-hon-nhan', '2025-09-03', { usable: true }],
    ['the day after its last valid day', status, 'xac-nhan-tinh-trang-hon-nhan', '2025-09-04', { usable: false, reason: 'expired' }],
    ['before it was issued', status, 'xac-nhan-tinh-trang-hon-nhan', '2025-03-02', { usable: false, reason: 'not_yet_issued' }],
  ] as const)('%s', (_what, document, componentType, on, expected) => {
    expect(storedDocumentUsable(document, componentType, d(on))).toEqual(expected);
  });

  it('shows a document as expired only after its last valid day', () => {
    expect(documentValidity(status, d('2025-09-03'))).toBe('valid');
    expect(documentValidity(status, d('2025-09-04'))).toBe('expired');
    expect(documentValidity(certificate, d('2099-01-01'))).toBe('valid');
  });
});

describe('validity by the rule of law for the kind of paper', () => {
  it('keeps a marital status certificate valid six months from its issue (Decree 123/2015 art. 23)', () => {
    expect(defaultValidUntil('xac-nhan-tinh-trang-hon-nhan', d('2025-03-03'))).toBe('2025-09-03');
  });

  it('ends a period in months on the last day of a month that lacks the corresponding day', () => {
    expect(addMonths(d('2025-08-31'), 6)).toBe('2026-02-28');
    expect(addMonths(d('2023-08-31'), 6)).toBe('2024-02-29');
    expect(addMonths(d('2025-11-15'), 3)).toBe('2026-02-15');
  });

  it('gives no expiry to a paper for which the law sets none', () => {
    expect(defaultValidUntil('giay-khai-sinh', d('2025-03-03'))).toBeNull();
  });

  it('labels every kind of paper in Vietnamese and English, with a legal basis for any validity', () => {
    for (const type of documentTypes) {
      const info = documentTypeInfo[type];
      expect(info.label.vi && info.label.en, type).toBeTruthy();
      expect(info.validityMonths === undefined || Boolean(info.validityBasis), type).toBe(true);
    }
  });
});
