import { describe, expect, it } from 'vitest';
import { maxSearchReadings, readCatalogueQuery, searchWords, type SearchVocabulary } from '../../src/index.ts';

const vocabulary: SearchVocabulary = {
  ignoredWords: ['cho', 'con', 'của', 'và', 'làm', 'xin', 'thủ tục'],
  synonyms: [
    { phrase: 'GPXD', means: ['giấy phép xây dựng'] },
    { phrase: 'xây nhà', means: ['xây dựng nhà ở', 'giấy phép xây dựng'] },
    { phrase: 'hộ khẩu', means: ['thường trú'] },
    { phrase: 'giấy khai sinh', means: ['khai sinh'] },
    { phrase: 'khai sinh', means: ['khai sinh'] },
  ],
};

describe('reading a catalogue query', () => {
  it('folds the words and treats punctuation as a separator', () => {
    expect(searchWords('Đăng ký  tạm ngừng kinh doanh, tiếp tục')).toEqual(['dang', 'ky', 'tam', 'ngung', 'kinh', 'doanh', 'tiep', 'tuc']);
    expect(readCatalogueQuery('  Đăng Ký Khai Sinh ')).toEqual({ folded: 'dang ky khai sinh', readings: ['dang ky khai sinh'] });
  });

  it('leaves filler words out, so "khai sinh cho con" looks for "khai sinh"', () => {
    expect(readCatalogueQuery('khai sinh cho con', vocabulary).readings).toEqual(['khai sinh']);
  });

  it('leaves out an ignored phrase only where all its words stand together', () => {
    const v: SearchVocabulary = { ignoredWords: ['hồ sơ', 'ở đâu'], synonyms: [] };
    expect(readCatalogueQuery('hồ sơ khai sinh nộp ở đâu', v).readings).toEqual(['khai sinh nop']);
    expect(readCatalogueQuery('đăng ký hộ kinh doanh ở xã', v).readings).toEqual(['dang ky ho kinh doanh o xa']);
  });

  it('keeps filler words when nothing else is left', () => {
    expect(readCatalogueQuery('cho con', vocabulary).readings).toEqual(['cho con']);
  });

  it('reads an abbreviation as the words it stands for, keeping the query itself first', () => {
    expect(readCatalogueQuery('GPXD', vocabulary).readings).toEqual(['gpxd', 'giay phep xay dung']);
    expect(readCatalogueQuery('xin gpxd nhà ở', vocabulary).readings).toEqual(['gpxd nha o', 'giay phep xay dung nha o']);
  });

  it('gives every meaning of a colloquial phrase, typed with or without diacritics', () => {
    expect(readCatalogueQuery('xay nha', vocabulary).readings).toEqual(['xay nha', 'xay dung nha o', 'giay phep xay dung']);
    expect(readCatalogueQuery('làm lại hộ khẩu', vocabulary).readings).toEqual(['lai ho khau', 'lai thuong tru']);
  });

  it('replaces the longer known phrase before a shorter one inside it', () => {
    expect(readCatalogueQuery('giay khai sinh', vocabulary).readings).toEqual(['giay khai sinh', 'khai sinh']);
  });

  it('stops at a handful of readings however many phrases a query holds', () => {
    const many: SearchVocabulary = { ignoredWords: [], synonyms: 'abcdefghij'.split('').map((l) => ({ phrase: l, means: [`${l}1`, `${l}2`] })) };
    expect(readCatalogueQuery('a b c d e f g h i j', many).readings).toHaveLength(maxSearchReadings);
  });
});
