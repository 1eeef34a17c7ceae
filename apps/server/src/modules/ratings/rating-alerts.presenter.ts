/** What the console is told of an alert: the dossier, the rating with its criteria and comment, and where its handling stands. */
import { z } from 'zod';
import { formatInstant, ratingLevelOf, type CriterionPoints, type RatingCriterion, type RatingScore } from '@motcua/domain';
import { RatingCriteriaAnswers } from '../dossiers/dossiers.schemas.ts';
import type { AlertRow } from './rating-alerts.repository.ts';

const Instant = z.string().nullable();

export const RatingAlertSchema = z.object({
  dossierId: z.number(),
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  agency: z.object({ code: z.string(), name: z.string() }).describe('the dossier’s receiving unit, whose leaders are alerted'),
  score: z.number().int().min(1).max(5),
  level: z.object({ vi: z.string(), en: z.string() }),
  criteria: RatingCriteriaAnswers.describe('the criteria the applicant answered (2 good … 0 poor)'),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  handledAt: Instant,
  handledBy: z.string().nullable().describe('the leader who marked it handled'),
  note: z.string().nullable().describe('what the leader wrote was done'),
  canHandle: z.boolean().describe('the caller may mark it handled (a leader of the unit or above it)'),
});

export const RatingAlertListSchema = z.object({
  total: z.number().int(),
  open: z.number().int().describe('alerts not yet handled, whatever the filter'),
  items: z.array(RatingAlertSchema),
});

const iso = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);

export function presentAlert(
  row: AlertRow, procedureName: string, criteria: Partial<Record<RatingCriterion, CriterionPoints>>, canHandle: boolean,
): z.infer<typeof RatingAlertSchema> {
  const level = ratingLevelOf(row.score as RatingScore);
  return {
    dossierId: row.dossier_id,
    code: row.code,
    procedureName,
    applicantName: row.applicant_name,
    agency: { code: row.agency_code, name: row.agency_name },
    score: row.score,
    level: { vi: level.vi, en: level.en },
    criteria,
    comment: row.comment,
    ratedAt: formatInstant(row.rated_at.getTime()),
    handledAt: iso(row.handled_at),
    handledBy: row.handled_by_name,
    note: row.handling_note,
    canHandle: canHandle && row.handled_at === null,
  };
}
