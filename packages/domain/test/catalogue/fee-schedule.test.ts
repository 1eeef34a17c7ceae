import { describe, expect, it } from 'vitest';
import {
  AppError, assertFeeAllowsAction, canonicalVersionContent, feeCases, feeFor, feeStandingOf, feeTermsFor, formatFee, nationalStatusOf,
  procedureContentOf, validateProcedure, waivedShare, type FeeInput, type ProcedureDefinitionInput,
} from '../../src/index.ts';

const residence: ProcedureDefinitionInput = {
  code: 'DEMO.015',
  name: 'Đăng ký thường trú',
  field: 'Cư trú',
  levels: ['commune'],
  processingTime: { value: 7, unit: 'working_days' },
  components: [{ name: 'Tờ khai thay đổi thông tin cư trú', kind: 'original', count: 1, required: true }],
  fullyOnline: true,
};

/** A land transfer: a charge with a lower online amount, and a fee by the area of the plot. */
const landSchedule: FeeInput = {
  items: [
    { kind: 'charge', label: 'Lệ phí đăng ký biến động', amount: 50_000, onlineAmount: 25_000 },
    {
      kind: 'fee', label: 'Phí thẩm định hồ sơ',
      table: [{ label: 'Dưới 500 m²', amount: 500_000 }, { label: 'Từ 500 m² trở lên', amount: 1_000_000, onlineAmount: 900_000 }],
    },
  ],
  exemptions: [
    { label: 'Hộ nghèo', share: 100 },
    { label: 'Người có công với cách mạng', share: 50, appliesTo: 'fee' },
    { label: 'Trẻ em dưới 6 tuổi', share: 30 },
  ],
  legalBasis: 'Thông tư 85/2019/TT-BTC; Nghị quyết của HĐND tỉnh',
  payBeforeProcessing: true,
};

const version = (fee: FeeInput | undefined) => procedureContentOf({ ...residence, fee });

const choiceError = (fn: () => unknown): { path: string; message: string } | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'request.invalid') return e.issues[0];
    throw e;
  }
  return undefined;
};

describe('fee terms fixed at reception', () => {
  it('charges the counter amount of each item of the chosen case', () => {
    expect(feeTermsFor(version(landSchedule), 'counter', { row: 'Dưới 500 m²' })).toEqual({
      currency: 'VND', amount: 550_000, case: 'Dưới 500 m²',
      items: [{ kind: 'charge', label: 'Lệ phí đăng ký biến động', amount: 50_000 }, { kind: 'fee', label: 'Phí thẩm định hồ sơ', amount: 500_000 }],
      payBeforeProcessing: true, legalBasis: 'Thông tư 85/2019/TT-BTC; Nghị quyết của HĐND tỉnh',
    });
  });

  it('charges the reduced online amounts online: 25.000 + 900.000 = 925.000 đồng', () => {
    const terms = feeTermsFor(version(landSchedule), 'online', { row: 'Từ 500 m² trở lên' });
    expect(terms.items.map((i) => i.amount)).toEqual([25_000, 900_000]);
    expect(terms.amount).toBe(925_000);
  });

  it('charges a row without an online amount the same online as at the counter', () => {
    expect(feeTermsFor(version(landSchedule), 'online', { row: 'Dưới 500 m²' }).amount).toBe(25_000 + 500_000);
  });

  it('waives everything for a full exemption', () => {
    const terms = feeTermsFor(version(landSchedule), 'counter', { row: 'Dưới 500 m²', exemption: 'Hộ nghèo' });
    expect(terms.exemption).toEqual({ label: 'Hộ nghèo', waived: 550_000, share: 100 });
    expect(terms.amount).toBe(0);
  });

  it('waives a share of the fees only when the exemption says so: 50% of 1.000.000, the 50.000 charge still due', () => {
    const terms = feeTermsFor(version(landSchedule), 'counter', { row: 'Từ 500 m² trở lên', exemption: 'Người có công với cách mạng' });
    expect(terms.exemption).toEqual({ label: 'Người có công với cách mạng', waived: 500_000, share: 50 });
    expect(terms.amount).toBe(550_000);
  });

  it('rounds a percentage exemption up to the whole đồng, in the applicant’s favour', () => {
    // 30% of 25.000 + 900.000 = 925.000 is 277.500 exactly.
    expect(feeTermsFor(version(landSchedule), 'online', { row: 'Từ 500 m² trở lên', exemption: 'Trẻ em dưới 6 tuổi' }).amount).toBe(647_500);
    // 30% of 12.345 is 3.703,5: 3.704 is waived, 8.641 is due.
    const odd = version({ amount: 12_345, exemptions: [{ label: 'Trẻ em dưới 6 tuổi', share: 30 }] });
    expect(feeTermsFor(odd, 'counter', { exemption: 'Trẻ em dưới 6 tuổi' })).toMatchObject({ amount: 8641, exemption: { waived: 3704 } });
    expect(waivedShare(12_345, 50)).toBe(6173);
    expect(waivedShare(1, 1)).toBe(1);
    expect(waivedShare(0, 50)).toBe(0);
    expect(waivedShare(999_999_999_999, 33)).toBe(330_000_000_000);
  });

  it('asks for the case when the fee depends on it, and names the cases', () => {
    expect(choiceError(() => feeTermsFor(version(landSchedule), 'counter'))).toEqual({
      path: 'feeRow', message: 'choose the case of the fee; one of: Dưới 500 m²; Từ 500 m² trở lên',
    });
    expect(choiceError(() => feeTermsFor(version(landSchedule), 'counter', { row: '200 m²' }))?.message).toMatch(/^unknown case "200 m²"/);
  });

  it('refuses an exemption the schedule does not list', () => {
    expect(choiceError(() => feeTermsFor(version(landSchedule), 'counter', { row: 'Dưới 500 m²', exemption: 'Sinh viên' }))).toEqual({
      path: 'feeExemption', message: 'unknown exemption "Sinh viên"; one of: Hộ nghèo; Người có công với cách mạng; Trẻ em dưới 6 tuổi',
    });
    expect(choiceError(() => feeTermsFor(version({ amount: 8000 }), 'counter', { exemption: 'Hộ nghèo' }))?.message).toBe('this procedure has no exemption');
  });

  it('reads a first-catalogue fee as one charge, payable at any time', () => {
    expect(feeTermsFor(version({ amount: 100_000, onlineAmount: 50_000 }), 'online')).toEqual({
      currency: 'VND', amount: 50_000, items: [{ kind: 'charge', label: 'Phí, lệ phí', amount: 50_000 }], payBeforeProcessing: false, legalBasis: null,
    });
    expect(feeTermsFor(version(undefined), 'counter')).toEqual({ currency: 'VND', amount: 0, items: [], payBeforeProcessing: false, legalBasis: null });
    expect(feeTermsFor(version({ table: [{ label: 'Mỗi bản', amount: 2000 }] }), 'postal', { row: 'Mỗi bản' }).amount).toBe(2000);
  });

  it('ignores a case given for a fee that does not depend on one', () => {
    expect(feeTermsFor(version({ amount: 8000 }), 'counter', { row: 'Mỗi bản' })).not.toHaveProperty('case');
  });
});

describe('a fee schedule in the catalogue', () => {
  it('keeps the stored form and content hash of a first-catalogue fee', () => {
    expect(version({ amount: 100_000, onlineAmount: 50_000 }).fee).toEqual({ kind: 'fixed', currency: 'VND', amount: 100_000, onlineAmount: 50_000 });
    expect(canonicalVersionContent(version({ amount: 8000, currency: 'VND' }))).toContain('"fee":{"amount":8000,"currency":"VND","kind":"fixed"}');
  });

  it('becomes a schedule when the entry says what the amount is', () => {
    expect(version({ amount: 20_000, onlineAmount: 10_000, kind: 'charge', label: 'Lệ phí đăng ký cư trú', exemptions: [{ label: 'Hộ nghèo', share: 100 }] }).fee).toEqual({
      kind: 'schedule', currency: 'VND', items: [{ kind: 'charge', label: 'Lệ phí đăng ký cư trú', amount: 20_000, onlineAmount: 10_000 }],
      exemptions: [{ label: 'Hộ nghèo', share: 100 }], legalBasis: null, payBeforeProcessing: false,
    });
  });

  it('quotes a schedule by channel and case before any exemption', () => {
    expect(feeFor(version(landSchedule), 'online', 'Từ 500 m² trở lên')).toEqual({
      currency: 'VND', amount: 925_000, reducedOnline: true, options: [{ label: 'Dưới 500 m²', amount: 525_000 }, { label: 'Từ 500 m² trở lên', amount: 925_000 }],
    });
    expect(feeCases(version(landSchedule).fee)).toEqual(['Dưới 500 m²', 'Từ 500 m² trở lên']);
  });

  it('says what each item costs', () => {
    expect(formatFee(version(landSchedule).fee).vi).toBe(
      'Lệ phí đăng ký biến động: 50.000 đồng (nộp trực tuyến: 25.000 đồng); Phí thẩm định hồ sơ: Dưới 500 m²: 500.000 đồng; Từ 500 m² trở lên: 1.000.000 đồng (nộp trực tuyến: 900.000 đồng)',
    );
  });

  const invalid: Array<[string, FeeInput, Array<{ path: string; message: string }>]> = [
    ['an amount and items together', { amount: 1000, items: [] }, [{ path: 'fee.items', message: 'give one of amount, table or items, not amount and items' }]],
    ['an empty schedule', { items: [] }, [{ path: 'fee.items', message: 'a fee schedule has at least one item; leave the fee out for a free procedure' }]],
    ['an item with neither amount nor table', { items: [{ kind: 'fee', label: 'Phí' }] }, [{ path: 'fee.items[0].amount', message: 'an item has an amount or a table' }]],
    ['an online amount above the counter’s', { items: [{ kind: 'fee', label: 'Phí', amount: 10, onlineAmount: 20 }] }, [
      { path: 'fee.items[0].onlineAmount', message: 'the online fee 20 is higher than the fee 10' },
    ]],
    ['two items of one name', { items: [{ kind: 'fee', label: 'Phí', amount: 10 }, { kind: 'charge', label: 'Phí', amount: 10 }] }, [
      { path: 'fee.items[1].label', message: 'item "Phí" is listed twice' },
    ]],
    ['tables with different cases', { items: [
      { kind: 'fee', label: 'Phí', table: [{ label: 'A', amount: 1 }, { label: 'B', amount: 2 }] },
      { kind: 'charge', label: 'Lệ phí', table: [{ label: 'A', amount: 1 }, { label: 'C', amount: 2 }] },
    ] }, [{ path: 'fee.items[1].table', message: 'the cases (A; C) differ from those of items[0] (A; B): every table of a schedule lists the same cases' }]],
    ['an exemption of a share that is not a whole percentage', { amount: 1000, exemptions: [{ label: 'Hộ nghèo', share: 0 }, { label: 'Sinh viên', share: 12.5 }] }, [
      { path: 'fee.exemptions[0].share', message: 'share 0 is not a whole percentage from 1 to 100 (100: exempt in full)' },
      { path: 'fee.exemptions[1].share', message: 'share 12.5 is not a whole percentage from 1 to 100 (100: exempt in full)' },
    ]],
    ['an exemption from fees in a schedule of charges', { amount: 1000, exemptions: [{ label: 'Hộ nghèo', share: 100, appliesTo: 'fee' }] }, [
      { path: 'fee.exemptions[0].appliesTo', message: 'the schedule has no fee (phí) to exempt from' },
    ]],
    ['payment before processing of nothing', { amount: 0, payBeforeProcessing: true }, [
      { path: 'fee.payBeforeProcessing', message: 'every amount is zero: there is nothing to pay before processing' },
    ]],
  ];
  it.each(invalid)('refuses %s', (_name, fee, issues) => {
    expect(validateProcedure({ ...residence, fee }).map(({ path, message }) => ({ path, message }))).toEqual(issues);
  });

  it('accepts a full schedule', () => {
    expect(validateProcedure({ ...residence, fee: landSchedule })).toEqual([]);
  });
});

describe('a fee due before processing', () => {
  const unpaid = feeStandingOf({ feeAmount: 50_000, feePaid: false, terms: { payBeforeProcessing: true } });

  it('holds a received dossier at national status 6 until it is paid', () => {
    expect(nationalStatusOf('received', unpaid)).toBe(6);
    expect(nationalStatusOf('received', feeStandingOf({ feeAmount: 50_000, feePaid: true, terms: { payBeforeProcessing: true } }))).toBe(2);
    expect(nationalStatusOf('received', feeStandingOf({ feeAmount: 50_000, feePaid: false, terms: null }))).toBe(2);
  });

  it('refuses to transfer the dossier for processing while unpaid, and says how much is owed', () => {
    expect(() => assertFeeAllowsAction('transfer', unpaid)).toThrow(expect.objectContaining({
      code: 'dossier.fee_unpaid', status: 409,
      messages: { vi: 'Hồ sơ chưa nộp phí, lệ phí (còn 50.000 đồng): thủ tục này yêu cầu nộp trước khi giải quyết', en: 'The fee is not paid (50,000 VND outstanding): this procedure requires it before processing' },
    }));
    expect(() => assertFeeAllowsAction('withdraw', unpaid)).not.toThrow();
    expect(() => assertFeeAllowsAction('transfer', { outstanding: 50_000, payBeforeProcessing: false })).not.toThrow();
    expect(() => assertFeeAllowsAction('transfer', { outstanding: 0, payBeforeProcessing: true })).not.toThrow();
  });
});
