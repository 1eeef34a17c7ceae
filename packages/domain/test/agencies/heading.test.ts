import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyAbbreviation, counterHeading, documentNumberText, headTitle, officialHeading, placeName, type HeadingAgency } from '../../src/index.ts';

interface DemoAgency extends HeadingAgency {
  code: string;
  parentCode: string | null;
  counters?: Array<{ name: string }>;
}
const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../bundles/demo/agencies.json'), 'utf8')) as DemoAgency[];
const byCode = new Map(demo.map((a) => [a.code, a]));
const agency = (code: string) => byCode.get(code)!;
const parentOf = (a: DemoAgency) => (a.parentCode ? byCode.get(a.parentCode) : undefined);
const headingOf = (code: string) => officialHeading(agency(code), parentOf(agency(code)));

describe('the heading of an official document (Decree 30/2020, Annex I)', () => {
  it.each([
    ['000.00.00.H40', undefined, ['ỦY BAN NHÂN DÂN', 'TỈNH NINH BÌNH']],
    ['000.00.12.H40', undefined, ['ỦY BAN NHÂN DÂN', 'HUYỆN GIAO THỦY']],
    ['000.41.00.H40', undefined, ['ỦY BAN NHÂN DÂN', 'XÃ GIAO THỦY']],
    ['000.31.12.H40', undefined, ['ỦY BAN NHÂN DÂN', 'XÃ GIAO THIỆN']],
    ['000.20.00.H40', 'UBND TỈNH NINH BÌNH', ['SỞ TƯ PHÁP']],
    ['000.22.00.H40', 'UBND TỈNH NINH BÌNH', ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH']],
    ['000.05.12.H40', 'UBND HUYỆN GIAO THỦY', ['PHÒNG TƯ PHÁP']],
    ['000.30.00.H40', 'BỘ CÔNG AN', ['CÔNG AN TỈNH NINH BÌNH']],
  ])('heads a document of %s with %s over %j', (code, managing, body) => {
    expect(headingOf(code)).toEqual({ ...(managing ? { managing } : {}), body });
  });

  it('never heads a People’s Committee by its province or district, at any level', () => {
    for (const a of demo.filter((x) => /^Ủy ban nhân dân/.test(x.name))) {
      const heading = officialHeading(a, parentOf(a));
      expect(heading.managing, a.code).toBeUndefined();
      expect(heading.body[0]).toBe('ỦY BAN NHÂN DÂN');
    }
  });

  it('gives every demo agency a heading of whole names in capitals', () => {
    for (const a of demo) {
      const { managing, body } = officialHeading(a, parentOf(a));
      for (const line of [...(managing ? [managing] : []), ...body]) expect(line, a.code).toBe(line.toLocaleUpperCase('vi'));
      expect(body.join(' ').length, a.code).toBeGreaterThan(0);
    }
  });

  it('puts the one-stop unit under its agency, without the place the line above already says', () => {
    const commune = agency('000.41.00.H40');
    expect(counterHeading(commune.counters![0]!.name, commune, parentOf(commune))).toEqual({ managing: 'UBND XÃ GIAO THỦY', body: ['BỘ PHẬN MỘT CỬA'] });
    const province = agency('000.00.00.H40');
    expect(counterHeading(province.counters![0]!.name, province)).toEqual({ managing: 'UBND TỈNH NINH BÌNH', body: ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'] });
    const culture = agency('000.22.00.H40');
    expect(counterHeading(culture.counters![0]!.name, culture, parentOf(culture))).toEqual({
      managing: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      body: ['BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ SỞ VHTTDL'],
    });
  });

  it('heads a district office’s one-stop forms by the office, as it heads its own documents', () => {
    const office = agency('000.05.12.H40');
    expect(counterHeading('Bộ phận Một cửa', office, parentOf(office))).toEqual({ managing: 'PHÒNG TƯ PHÁP', body: ['BỘ PHẬN MỘT CỬA'] });
    const police = agency('000.30.00.H40');
    expect(counterHeading(police.counters![0]!.name, police, parentOf(police)).managing).toBe('CÔNG AN TỈNH NINH BÌNH');
  });

  it('writes the place of the agency before the date', () => {
    expect(placeName(agency('000.41.00.H40'))).toBe('Giao Thủy');
    expect(placeName(agency('000.22.00.H40'))).toBe('Ninh Bình');
    expect(placeName(agency('000.05.12.H40'))).toBe('Giao Thủy');
  });

  it('names the head who signs and the body in a document’s symbol', () => {
    expect(headTitle(agency('000.41.00.H40'))).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
    expect(headTitle(agency('000.20.00.H40'))).toBe('GIÁM ĐỐC');
    expect(headTitle(agency('000.05.12.H40'))).toBe('TRƯỞNG PHÒNG');
    expect(bodyAbbreviation(agency('000.41.00.H40'))).toBe('UBND');
    expect(bodyAbbreviation(agency('000.20.00.H40'), agency('000.00.00.H40'))).toBe('STP');
    expect(bodyAbbreviation(agency('000.22.00.H40'), agency('000.00.00.H40'))).toBe('SVHTTDL');
    expect(bodyAbbreviation(agency('000.05.12.H40'), agency('000.00.12.H40'))).toBe('PTP');
    expect(documentNumberText(5, 'UBND', 'TB')).toBe('05/TB-UBND');
    expect(documentNumberText(112, 'STP')).toBe('112/STP');
  });
});
