/**
 * External figures (docs/rules/service-quality.md, "External figures"): the yearly indices the
 * Ministry of Home Affairs publishes for each province (and that some provinces publish for their
 * districts), entered by an administrator as published, with the decision that published them.
 * Motcua never computes them: their surveys and scoring are the Ministry's, not this system's
 * data, and a figure computed here would pass for an official one.
 *
 * - SIPAS (Chỉ số hài lòng về sự phục vụ hành chính): people's and organisations' satisfaction
 *   with public administrative services, from the Ministry's sociological survey;
 * - PAR Index (Chỉ số cải cách hành chính): the result of administrative reform, scored from
 *   evaluation and survey.
 * Both are published as percentages (0–100, two decimals) with the province's rank.
 */
import type { FieldIssue } from '../errors.ts';

export const externalFigureKinds = ['sipas', 'par_index'] as const;
export type ExternalFigureKind = (typeof externalFigureKinds)[number];

export const externalFigureLabels: Record<ExternalFigureKind, { vi: string; en: string; short: string }> = {
  sipas: { short: 'SIPAS', vi: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', en: 'Satisfaction Index of Public Administrative Services (SIPAS)' },
  par_index: { short: 'PAR Index', vi: 'Chỉ số cải cách hành chính (PAR Index)', en: 'Public Administration Reform Index (PAR Index)' },
};

/** Who publishes them. */
export const externalFigurePublisher = { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' } as const;

/** The agency levels a figure is entered for. */
export const externalFigureLevels: readonly string[] = ['province', 'district'];

export const externalFigureLimits = { yearMin: 2000, yearMax: 2100, sourceMax: 300, noteMax: 1000, rankMax: 1000 } as const;

export interface ExternalFigureInput {
  kind: ExternalFigureKind;
  year: number;
  /** The published value, a percentage 0–100 with at most two decimals. */
  value: number;
  rank?: number | null | undefined;
  /** Out of how many (the provinces ranked that year). */
  rankOf?: number | null | undefined;
  /** The reference of the publication: "Quyết định số …/QĐ-BNV ngày …". */
  source: string;
}

/** What is wrong with a figure as entered; empty when it can be stored. */
export function externalFigureIssues(f: ExternalFigureInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, vi: string, en: string) => issues.push({ path, message: en, messages: { vi, en } });
  if (!Number.isInteger(f.year) || f.year < externalFigureLimits.yearMin || f.year > externalFigureLimits.yearMax) {
    add('year', 'Năm không hợp lệ', 'Invalid year');
  }
  if (!(f.value >= 0 && f.value <= 100) || Math.round(f.value * 100) / 100 !== f.value) {
    add('value', 'Giá trị là tỷ lệ phần trăm từ 0 đến 100, tối đa hai chữ số thập phân', 'The value is a percentage from 0 to 100 with at most two decimals');
  }
  const rank = f.rank ?? null;
  const of = f.rankOf ?? null;
  if (rank !== null && (!Number.isInteger(rank) || rank < 1)) add('rank', 'Thứ hạng là số nguyên dương', 'A rank is a positive whole number');
  if (of !== null && (!Number.isInteger(of) || of < 1)) add('rankOf', 'Số đơn vị được xếp hạng là số nguyên dương', 'The number ranked is a positive whole number');
  if (rank !== null && of === null) add('rankOf', 'Cần số đơn vị được xếp hạng', 'Say out of how many');
  if (rank !== null && of !== null && rank > of) add('rank', 'Thứ hạng không lớn hơn số đơn vị được xếp hạng', 'The rank cannot exceed the number ranked');
  if (!f.source.trim()) add('source', 'Cần văn bản công bố (số, ngày quyết định)', 'The publishing decision is required');
  return issues;
}
