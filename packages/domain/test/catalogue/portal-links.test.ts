import { describe, expect, it } from 'vitest';
import {
  agencyCatalogueLink, agencyFeedbackLink, isNationalProcedureCode, myDossiersLink, procedurePageLink, submissionLink,
} from '../../src/index.ts';

describe('the portal addresses printed as QR codes', () => {
  it('builds each on the public address, with or without its trailing slash, encoding what it carries', () => {
    for (const base of ['https://dichvucong.ninhbinh.gov.vn', 'https://dichvucong.ninhbinh.gov.vn/']) {
      expect(procedurePageLink(base, '1.000894')).toBe('https://dichvucong.ninhbinh.gov.vn/thu-tuc/1.000894');
      expect(submissionLink(base, '1.000894')).toBe('https://dichvucong.ninhbinh.gov.vn/nop-ho-so/1.000894');
      expect(agencyCatalogueLink(base, '000.41.00.H40')).toBe('https://dichvucong.ninhbinh.gov.vn/thu-tuc?co-quan=000.41.00.H40');
      expect(agencyFeedbackLink(base, '000.41.00.H40')).toBe('https://dichvucong.ninhbinh.gov.vn/phan-anh?co-quan=000.41.00.H40');
      expect(myDossiersLink(base)).toBe('https://dichvucong.ninhbinh.gov.vn/ho-so-cua-toi');
    }
    expect(procedurePageLink('http://x', 'A/B C')).toBe('http://x/thu-tuc/A%2FB%20C');
    expect(agencyCatalogueLink('http://x', 'a&b')).toBe('http://x/thu-tuc?co-quan=a%26b');
  });

  it('tells a national procedure code from a local placeholder', () => {
    expect(['1.000894', '2.000635', '3.000160'].map(isNationalProcedureCode)).toEqual([true, true, true]);
    expect(['DEMO.018', '1.00089', '1.0008941', '10.000894', ' 1.000894'].map(isNationalProcedureCode)).toEqual([false, false, false, false, false]);
  });
});
