import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '@motcua/domain';
import { stagesOf } from '../../src/portal/dossierStages.ts';
import { catalogueFiltersOf, dossierLookupPath, proceduresPath, ratingTokenOf } from '../../src/portal/paths.ts';
import { newIdempotencyKey } from '../../src/shared/idempotency.ts';
import { formatFileSize, uploadRefusal } from '../../src/shared/upload.ts';
import { toVietnamWallTime, vietnamWallTimeToIso } from '../../src/shared/vietnamTime.ts';

const step = (status: DossierStatus, at: string) => ({ status, at, label: { vi: '', en: '' }, statusLabel: { vi: '', en: '' } });

describe('the stages a citizen sees', () => {
  it('dates every stage reached and marks where the dossier is', () => {
    const stages = stagesOf({ status: 'processing', steps: [step('submitted', 'a'), step('received', 'b'), step('processing', 'c')] });
    expect(stages.map((s) => [s.key, s.state, s.at])).toEqual([
      ['submitted', 'done', 'a'], ['received', 'done', 'b'], ['processing', 'current', 'c'], ['resolved', 'pending', null], ['returned', 'pending', null],
    ]);
  });

  it('keeps a supplement request on the processing stage', () => {
    const stages = stagesOf({ status: 'supplement_requested', steps: [step('submitted', 'a'), step('received', 'b'), step('processing', 'c'), step('supplement_requested', 'd')] });
    expect(stages.find((s) => s.state === 'current')?.key).toBe('processing');
  });

  it('stops the path where a refused dossier stood', () => {
    const stages = stagesOf({ status: 'refused', steps: [step('submitted', 'a'), step('refused', 'b')] });
    expect(stages.map((s) => s.state)).toEqual(['stopped', 'pending', 'pending', 'pending', 'pending']);
  });

  it('completes every stage once the result is returned', () => {
    const stages = stagesOf({ status: 'returned', steps: (['submitted', 'received', 'processing', 'resolved', 'returned'] as const).map((s) => step(s, s)) });
    expect(stages.every((s) => s.state === 'done')).toBe(true);
  });
});

describe('Vietnam wall-clock times for date pickers', () => {
  it('shows an instant as the time at the counter', () => {
    expect(toVietnamWallTime('2026-12-04T03:00:00Z')).toBe('2026-12-04 10:00:00');
    expect(toVietnamWallTime('2026-12-31T17:30:00Z')).toBe('2027-01-01 00:30:00');
  });

  it('sends a picked time with the +07:00 offset', () => {
    expect(vietnamWallTimeToIso('2026-12-09 10:00:00')).toBe('2026-12-09T10:00:00+07:00');
    expect(vietnamWallTimeToIso('2026-12-09 10:00')).toBe('2026-12-09T10:00:00+07:00');
    expect(vietnamWallTimeToIso('09/12/2026')).toBeUndefined();
  });
});

describe('uploads', () => {
  it('refuses what the server would refuse before sending it', () => {
    expect(uploadRefusal({ type: 'text/plain', size: 10 })).toBe('type');
    expect(uploadRefusal({ type: 'application/pdf', size: 11 * 1024 * 1024 })).toBe('size');
    expect(uploadRefusal({ type: 'image/jpeg', size: 500_000 })).toBeUndefined();
  });

  it('shows sizes with the decimal comma', () => {
    expect(formatFileSize(425)).toBe('425 B');
    expect(formatFileSize(350 * 1024)).toBe('350 KB');
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1,3 MB');
  });
});

describe('idempotency keys', () => {
  it('are version-4 UUIDs, a new one each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('portal addresses for dossier codes and the rating QR code', () => {
  it('keeps a legacy code with "/" in one path segment', () => {
    expect(dossierLookupPath('HS/2023/000_123')).toBe('/tra-cuu/HS%2F2023%2F000_123');
    expect(dossierLookupPath('000.00.12.H40-250304-0007')).toBe('/tra-cuu/000.00.12.H40-250304-0007');
  });

  it('reads the one-time rating token from the fragment of the receipt’s rating QR code', () => {
    expect(ratingTokenOf('#danh-gia=AbCdEfGhIjKlMnOpQrStUvWx')).toBe('AbCdEfGhIjKlMnOpQrStUvWx');
    expect(ratingTokenOf('')).toBeUndefined();
    expect(ratingTokenOf('#khac=1')).toBeUndefined();
    expect(ratingTokenOf('#danh-gia=<script>')).toBeUndefined();
  });
});

describe('the catalogue search page’s address', () => {
  it('carries the words, the filters and the page in Vietnamese names, and reads the filters back', () => {
    const path = proceduresPath(' tam tru ', 2, { field: 'Cư trú', level: 'commune', agency: '000.41.00.H40' });
    expect(path).toBe('/thu-tuc?q=tam+tru&linh-vuc=C%C6%B0+tr%C3%BA&cap=commune&co-quan=000.41.00.H40&trang=2');
    expect(catalogueFiltersOf(new URL(path, 'https://x').searchParams)).toEqual({ field: 'Cư trú', level: 'commune', agency: '000.41.00.H40' });
  });

  it('leaves out what is not chosen', () => {
    expect(proceduresPath('', 1, { field: undefined, level: ' ' })).toBe('/thu-tuc');
    expect(proceduresPath()).toBe('/thu-tuc');
    expect(catalogueFiltersOf(new URLSearchParams('cap=+'))).toEqual({ field: undefined, level: undefined, agency: undefined });
  });
});
