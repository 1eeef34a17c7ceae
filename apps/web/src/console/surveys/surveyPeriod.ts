/**
 * A survey's period in the statistics' words (docs/rules/statistics.md, "Periods"): the period the
 * dashboard's picker shows (recognised from its dates) is sent as the reporting period it is, so
 * the server computes the dates with the same domain function; any other range is sent as dates.
 */
import type { PlainDate } from '@motcua/domain';
import { recognizePeriod, type OfficialPart } from '../reports/periods.ts';
import type { SurveyInput } from './surveys.api.ts';

type Period = SurveyInput['period'];

const official: Record<OfficialPart, { kind: 'quarter' | 'six_months' | 'nine_months' | 'year'; index?: number }> = {
  q1: { kind: 'quarter', index: 1 }, q2: { kind: 'quarter', index: 2 }, q3: { kind: 'quarter', index: 3 }, q4: { kind: 'quarter', index: 4 },
  h1: { kind: 'six_months', index: 1 }, m9: { kind: 'nine_months' }, year: { kind: 'year' },
};

export function surveyPeriodOf(range: { from: PlainDate; to: PlainDate; custom: boolean }): Period {
  const preset = range.custom ? undefined : recognizePeriod(range);
  if (!preset) return { kind: 'custom', from: range.from, to: range.to };
  switch (preset.kind) {
    case 'official': return { ...official[preset.part as OfficialPart], year: preset.year, official: true };
    case 'month': return { kind: 'month', year: preset.year, index: Number(preset.part) };
    case 'quarter': return { kind: 'quarter', year: preset.year, index: Number(preset.part) };
    case 'year': return { kind: 'year', year: preset.year };
  }
}
