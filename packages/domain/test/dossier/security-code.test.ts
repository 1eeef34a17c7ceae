import { describe, expect, it } from 'vitest';
import {
  formatSecurityCode, generateSecurityCode, isSecurityCode, normalizeSecurityCode, securityCodeAlphabet,
  securityCodeCandidates, securityCodeLength, securityCodeProblem, tidySecurityCodeInput,
} from '../../src/index.ts';

/** A deterministic source of integers below `max` (a linear congruential sequence), for the tests only. */
const sequence = (seed: number) => {
  let s = seed;
  return (max: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % max;
  };
};

describe('security code', () => {
  it('uses 30 symbols none of which can be taken for another: no 0, O, 1, I, L or U', () => {
    expect(securityCodeAlphabet).toHaveLength(30);
    for (const c of '0O1ILU') expect(securityCodeAlphabet).not.toContain(c);
    expect(new Set(securityCodeAlphabet).size).toBe(30);
  });

  it('generates 16 symbols of the alphabet, shown in four groups of four', () => {
    const code = generateSecurityCode(sequence(7));
    expect(code).toHaveLength(securityCodeLength);
    expect(isSecurityCode(code)).toBe(true);
    expect(formatSecurityCode(code)).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){3}[2-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('refuses a source of randomness that gives integers out of range', () => {
    expect(() => generateSecurityCode(() => 30)).toThrow(RangeError);
  });

  it('reads a code typed in lower case, with spaces, dashes or full-width characters', () => {
    const code = 'K7QM3XRD9FHT2WNP';
    for (const typed of ['k7qm-3xrd-9fht-2wnp', ' K7QM 3XRD 9FHT 2WNP ', 'K7QM–3XRD—9FHT.2WNP', 'Ｋ７ＱＭ３ＸＲＤ９ＦＨＴ２ＷＮＰ']) {
      expect(normalizeSecurityCode(typed)).toBe(code);
      expect(securityCodeCandidates(typed)).toEqual([code]);
      expect(securityCodeProblem(typed)).toBeUndefined();
    }
  });

  it('keeps accepting a code issued before this format, exactly as issued (case-sensitive, dashes included)', () => {
    const legacy = 'aB3-_x9QzK2mN7pR4sT6vW8y';
    expect(legacy).toHaveLength(24);
    expect(securityCodeCandidates(` ${legacy} `)).toEqual([legacy]);
    expect(securityCodeProblem(legacy)).toBeUndefined();
    expect(tidySecurityCodeInput(legacy)).toBe(legacy);
  });

  it('says which characters are never in a code, and how long a code is', () => {
    expect(securityCodeProblem('K7QM-3XRD-9FHT-2WN0')?.en).toContain('0');
    expect(securityCodeProblem('K7QM-3XRD')?.vi).toContain('16');
    expect(securityCodeProblem('')?.en).toBe('Enter the security code');
    expect(securityCodeCandidates('K7QM-3XRD')).toEqual([]);
  });

  it('shows a whole code typed loosely as it is printed, and leaves anything else as typed', () => {
    expect(tidySecurityCodeInput('k7qm 3xrd9fht2wnp')).toBe('K7QM-3XRD-9FHT-2WNP');
    expect(tidySecurityCodeInput('k7qm3x')).toBe('k7qm3x');
    expect(tidySecurityCodeInput('')).toBe('');
  });
});
