/** What the rating routes answer, and a dossier's rating as staff see it (docs/rules/service-quality.md). */
import { z } from 'zod';
import { dossierStatuses, formatInstant } from '@motcua/domain';
import { RatingCriteriaAnswers } from './dossiers.schemas.ts';
import type { StoredRating } from './ratings.repository.ts';

export const RatingResultSchema = z.object({
  code: z.string(),
  score: z.number(),
  criteria: RatingCriteriaAnswers.describe('the criteria answered'),
  alerted: z.boolean().describe('a low rating: the leaders of the receiving unit were told'),
});

export const RatingCheckSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  agencyName: z.string().describe('the receiving unit'),
  status: z.enum(dossierStatuses),
  statusLabel: z.object({ vi: z.string(), en: z.string() }),
});

/** A dossier's rating on its staff page. */
export const DossierRatingSchema = z.object({
  score: z.number().int().min(1).max(5),
  criteria: RatingCriteriaAnswers,
  comment: z.string().nullable(),
  ratedAt: z.string(),
  proof: z.enum(['security_code', 'token', 'eid']).nullable().describe('how the applicant proved it was theirs'),
});

export function presentRating(rating: StoredRating): z.infer<typeof DossierRatingSchema> {
  return { score: rating.score, criteria: rating.criteria, comment: rating.comment, ratedAt: formatInstant(rating.ratedAt.getTime()), proof: rating.proof };
}
