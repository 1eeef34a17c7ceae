/**
 * Classification of a dossier against its appointment (docs/rules/time.md). Calendar days are compared in
 * Asia/Ho_Chi_Minh whatever offset a timestamp was written with.
 */
import { assertInstant, localEpochDay, type Instant } from './time.ts';

/** How a resolved dossier did: trước hạn, đúng hạn, quá hạn. */
export const resultClasses = ['ahead', 'on_time', 'overdue'] as const;
export type ResultClass = (typeof resultClasses)[number];

/** How a dossier not yet resolved stands at a given instant. */
export type InProgressClass = 'in_progress_on_time' | 'in_progress_overdue';

/**
 * Classifies a result ready at `resultAt` against the appointment `dueAt` (the original one,
 * moved only by pauses): `overdue` after the appointment instant, `ahead` on an earlier local
 * calendar day than the appointment's, `on_time` otherwise (its day, not after its instant).
 */
export function classifyResult(resultAt: Instant, dueAt: Instant): ResultClass {
  assertInstant(resultAt, 'resultAt');
  assertInstant(dueAt, 'dueAt');
  if (resultAt > dueAt) return 'overdue';
  return localEpochDay(resultAt) < localEpochDay(dueAt) ? 'ahead' : 'on_time';
}

/**
 * Classifies a dossier still in progress at `asOf`: overdue once its appointment is strictly
 * before `asOf` (an appointment at exactly `asOf` can still be met).
 */
export function classifyInProgress(asOf: Instant, dueAt: Instant): InProgressClass {
  assertInstant(asOf, 'asOf');
  assertInstant(dueAt, 'dueAt');
  return dueAt < asOf ? 'in_progress_overdue' : 'in_progress_on_time';
}
