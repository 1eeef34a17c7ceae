import { afterEach, describe, expect, it } from 'vitest';
import { parseRatingScan, ratingPagePath, ratingTokenOfHash, rememberKioskMode } from '../../src/portal/ratings/ratingLinks.ts';

const token = 'AbCdEfGhIjKlMnOpQrStUvWx';
const code = '000.41.00.H40-261207-0003';

describe('the addresses of a rating QR code', () => {
  it('puts the token in the fragment of the rating page, never in its path or query', () => {
    expect(ratingPagePath(code, token)).toBe(`/danh-gia/${code}#${token}`);
    expect(ratingPagePath('GT/X19/039574', token)).toBe(`/danh-gia/GT%2FX19%2F039574#${token}`);
  });

  it('reads the token of the rating page and of receipts printed before it', () => {
    expect(ratingTokenOfHash(`#${token}`)).toBe(token);
    expect(ratingTokenOfHash(`#danh-gia=${token}`)).toBe(token);
    for (const bad of ['', '#', '#short', '#<script>alert(1)</script>', `#${token}&x=1`]) expect(ratingTokenOfHash(bad), bad).toBeUndefined();
  });

  it('takes what a counter scanner types: the QR code’s address on any host, old or new, the code in capitals', () => {
    expect(parseRatingScan(`https://dichvucong.ninhbinh.gov.vn/danh-gia/${code}#${token}`)).toEqual({ code, token });
    expect(parseRatingScan(`  http://127.0.0.1:3000/danh-gia/${code.toLowerCase()}#${token}\n`)).toEqual({ code, token });
    expect(parseRatingScan(`https://dichvucong.ninhbinh.gov.vn/tra-cuu/${code}#danh-gia=${token}`)).toEqual({ code, token });
    expect(parseRatingScan(`/danh-gia/GT%2FX19%2F039574#${token}`)).toEqual({ code: 'GT/X19/039574', token });
  });

  it('refuses anything that is not a rating code: the status page’s QR code, a bare code, text', () => {
    for (const text of [
      `https://dichvucong.ninhbinh.gov.vn/tra-cuu/${code}`, `https://dichvucong.ninhbinh.gov.vn/danh-gia/${code}`, code, token, 'xin chào', '',
      `https://dichvucong.ninhbinh.gov.vn/xac-thuc/abcdefghijklmnop#${token}`,
    ]) expect(parseRatingScan(text), text).toBeUndefined();
  });
});

describe('kiosk mode', () => {
  const store = new Map<string, string>();
  const fakeWindow = { sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } };
  afterEach(() => {
    store.clear();
    delete (globalThis as { window?: unknown }).window;
  });

  it('is on for a window opened on the waiting screen or by the console, and stays on for that window', () => {
    Object.assign(globalThis, { window: fakeWindow });
    expect(rememberKioskMode('', false)).toBe(false);
    expect(rememberKioskMode('?quay=1', false)).toBe(true);
    expect(rememberKioskMode('', false)).toBe(true);
    store.clear();
    expect(rememberKioskMode('', true)).toBe(true);
  });
});
