import { AppError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import {
  longDate,
  longDateTime,
  money,
  placeAndDate,
  shortDate,
  shortPlainDate,
  stackedDateTime,
} from '../../../src/infra/pdf/format.ts';
import { renderForm } from '../../../src/infra/pdf/index.ts';
import { receipt, refusal } from './fixtures.ts';

describe('dates, times and amounts on the forms', () => {
  it.each([
    ['2025-03-04T02:15:00Z', '09 giờ 15 phút, ngày 04 tháng 3 năm 2025'],
    ['2025-03-04T09:15:00+07:00', '09 giờ 15 phút, ngày 04 tháng 3 năm 2025'],
    ['2024-12-31T17:00:00Z', '00 giờ 00 phút, ngày 01 tháng 01 năm 2025'], // midnight in Vietnam is a new day and year
    ['2024-02-29T16:59:00Z', '23 giờ 59 phút, ngày 29 tháng 02 năm 2024'],
    ['2025-11-20T03:05:00.999Z', '10 giờ 05 phút, ngày 20 tháng 11 năm 2025'],
    ['2025-06-30T23:30:00-05:00', '11 giờ 30 phút, ngày 01 tháng 7 năm 2025'],
  ])('writes %s as "%s" in Vietnam time', (iso, expected) => {
    expect(longDateTime(iso)).toBe(expected);
  });

  it('pads days below 10 and the months January and February only, as Decree 30 writes dates', () => {
    const p = (month: number, day: number) => ({ year: 2025, month, day, hour: 0, minute: 0 });
    expect(longDate(p(1, 5))).toBe('ngày 05 tháng 01 năm 2025');
    expect(longDate(p(2, 28))).toBe('ngày 28 tháng 02 năm 2025');
    expect(longDate(p(3, 4))).toBe('ngày 04 tháng 3 năm 2025');
    expect(longDate(p(12, 10))).toBe('ngày 10 tháng 12 năm 2025');
  });

  it('writes the place and date line, short dates and table date-times', () => {
    expect(placeAndDate('Giao Thủy', '2025-03-04T02:15:00Z')).toBe('Giao Thủy, ngày 04 tháng 3 năm 2025');
    expect(shortDate('2025-03-13T17:30:00Z')).toBe('14/03/2025');
    expect(stackedDateTime('2025-03-13T03:00:00Z')).toBe('10:00\n13/03/2025');
    expect(shortPlainDate('2025-03-01')).toBe('01/03/2025');
  });

  it.each([
    [0, '0 đồng'],
    [50_000, '50.000 đồng'],
    [1_500_000, '1.500.000 đồng'],
    [1_234_567_890, '1.234.567.890 đồng'],
  ])('writes %i VND as "%s"', (amount, expected) => {
    expect(money(amount)).toBe(expected);
  });

  it('refuses an instant without an offset and names the field', async () => {
    const error = await renderForm({ ...receipt, appointmentAt: '2025-03-18 10:00' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'document.invalid', issues: [{ path: 'appointmentAt' }] });
  });

  it('refuses a refusal without a reason and a form number it does not know', async () => {
    await expect(renderForm({ ...refusal, reasons: [] })).rejects.toMatchObject({ code: 'document.invalid', issues: [{ path: 'reasons' }] });
    await expect(renderForm({ ...refusal, form: '08' } as never)).rejects.toMatchObject({ code: 'document.invalid', issues: [{ path: 'form' }] });
  });

  it('refuses a negative fee', async () => {
    await expect(renderForm({ ...receipt, fee: { amount: -1, paid: false } })).rejects.toMatchObject({
      issues: [{ path: 'fee.amount' }],
    });
  });
});
