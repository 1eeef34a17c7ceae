import { describe, expect, it } from 'vitest';
import { dossierCodeKey, dossierCodeProblem, isDossierCode, parseDossierCode, receiptNumberOf } from '@motcua/domain';

describe('dossier codes: as stored, and as Motcua generates them', () => {
  it.each(['GT-X19-039574', 'H40.22-230802-0001', '000.00.12.H40-250304-0007', 'HS/2023/000_123', 'a', 'X'.repeat(64)])(
    'stores %s as an earlier system printed it', (code) => {
      expect(isDossierCode(code)).toBe(true);
      expect(dossierCodeProblem(code)).toBeUndefined();
    },
  );

  it.each([
    ['', /empty/], ['X'.repeat(65), /at most 64/], ['GT X19', /only letters/], ['HỒ-SƠ-1', /only letters/],
    ['GT\u0000', /only letters/], ['GT-1\n', /only letters/], ['GT–1', /only letters/], ['%2F', /only letters/],
  ])('refuses %j', (code, reason) => {
    expect(isDossierCode(code)).toBe(false);
    expect(dossierCodeProblem(code)).toMatch(reason);
  });

  it('tells Motcua’s own format from an earlier system’s', () => {
    expect(parseDossierCode('000.00.12.H40-250304-0007')).toBeDefined();
    expect(parseDossierCode('GT-X19-039574')).toBeUndefined();
    expect(parseDossierCode('HS/2023/000_123')).toBeUndefined();
  });

  it('compares codes whatever the case of their letters', () => {
    expect(dossierCodeKey('gt-x19-039574')).toBe(dossierCodeKey('GT-X19-039574'));
    expect(dossierCodeKey('H40.22-230802-0001')).not.toBe(dossierCodeKey('H40.22-230802-0002'));
  });

  it('numbers the receipt in the tracking book by the daily sequence, or the whole legacy code', () => {
    expect(receiptNumberOf('000.00.12.H40-250304-0007')).toBe('0007');
    expect(receiptNumberOf('GT-X19-039574')).toBe('GT-X19-039574');
  });
});
