import { describe, expect, it } from 'vitest';
import {
  formatCurrency, formatDate, formatDateTime, formatNumber, formatPercent, formatPlainDate, formatTime,
} from '../../src/shared/format.ts';

// `npm test` runs this file with TZ=UTC and again with TZ=America/New_York: the output must not move.
describe('display formats', () => {
  it('shows an instant as its date and time in Vietnam whatever the browser time zone', () => {
    expect(formatDate('2025-03-04T01:30:00Z')).toBe('04/03/2025');
    expect(formatTime('2025-03-04T01:30:00Z')).toBe('08:30');
    expect(formatDateTime('2025-03-04T08:30:00+07:00')).toBe('04/03/2025 08:30');
  });

  it('puts an instant late in the UTC evening on the next Vietnamese day', () => {
    expect(formatDateTime('2025-12-31T17:00:00Z')).toBe('01/01/2026 00:00');
  });

  it('uses the 24-hour clock', () => {
    expect(formatTime('2025-03-04T09:05:00Z')).toBe('16:05');
  });

  it('shows a calendar date without any time zone shift', () => {
    expect(formatPlainDate('2022-12-15')).toBe('15/12/2022');
  });

  it('groups thousands with a dot, as in the official reports', () => {
    expect(formatNumber(3884)).toBe('3.884');
    expect(formatNumber(47219)).toBe('47.219');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows a rate as a percentage with a decimal comma', () => {
    expect(formatPercent(0.6874)).toBe('68,7%');
    expect(formatPercent(0.977)).toBe('97,7%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('shows a rate whose denominator is zero as a dash', () => {
    expect(formatPercent(null)).toBe('—');
  });

  it('shows đồng with dots and the ₫ sign after a no-break space', () => {
    expect(formatCurrency(1_500_000)).toBe('1.500.000\u00a0₫');
    expect(formatCurrency(8000)).toBe('8.000\u00a0₫');
  });

  it('shows a dash for a missing or unreadable value', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatPlainDate('15/12/2022')).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});
