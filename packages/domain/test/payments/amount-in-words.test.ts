import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../src/index.ts';

describe('an amount in Vietnamese words, as a receipt writes it', () => {
  it.each([
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi bốn đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [111, 'Một trăm mười một đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_010, 'Một nghìn không trăm mười đồng'],
    [2_021, 'Hai nghìn không trăm hai mươi mốt đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [100_000, 'Một trăm nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [250_500, 'Hai trăm năm mươi nghìn năm trăm đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_000_001, 'Một triệu không trăm linh một đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_500_000, 'Một triệu năm trăm nghìn đồng'],
    [21_000_000, 'Hai mươi mốt triệu đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_005_000_000, 'Một tỷ không trăm linh năm triệu đồng'],
    [1_234_567_891, 'Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [1_000_002_000_000_000, 'Một triệu không trăm linh hai tỷ đồng'],
  ])('writes %i as "%s"', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => amountInWords(-1)).toThrow();
    expect(() => amountInWords(1.5)).toThrow();
    expect(() => amountInWords(Number.NaN)).toThrow();
  });
});
