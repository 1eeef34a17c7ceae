import { describe, expect, it } from 'vitest';
import { normalizeVietnameseMobile } from '../../src/notifications/phone.ts';

describe('normalizeVietnameseMobile', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['091-234-5678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['(+84) 0912 345 678', '+84912345678'],
    ['0084 912 345 678', '+84912345678'],
    [' 0387 654 321 ', '+84387654321'],
    ['0562000111', '+84562000111'],
    ['0701234567', '+84701234567'],
    ['0861234567', '+84861234567'],
  ])('writes %j as %s', (input, expected) => {
    expect(normalizeVietnameseMobile(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['091234567', 'a digit short'],
    ['09123456789', 'a digit too many'],
    ['0243 825 1234', 'a Hà Nội landline'],
    ['01681234567', 'an 11-digit number retired in 2018'],
    ['0112345678', 'prefix 1 is no mobile network'],
    ['+1 415 555 0100', 'a foreign number'],
    ['0912abc678', 'letters'],
    ['+84+912345678', 'two plus signs'],
    ['84 0 0912345678', 'two zeros after the country code'],
  ])('refuses %j (%s)', (input) => {
    expect(normalizeVietnameseMobile(input)).toBeNull();
  });
});
