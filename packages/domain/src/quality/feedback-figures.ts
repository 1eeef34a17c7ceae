/**
 * The figures of feedback handling per unit and period (docs/rules/service-quality.md, "Figures"):
 * the reference definition the server's SQL is checked against.
 *
 * For a period counted over the instants [start, end) — local dates, the end moved back to the
 * instant the figures are made when the period is not over:
 * - received: received in the period (whatever became of it, refused ones included);
 * - answeredOnTime / answeredLate: answered in the period, not after / after the due instant;
 * - refused: refused in the period (complaints and denunciations pointed to their procedures);
 * - pending: received before the end and neither answered nor refused before it, whenever it was
 *   received (the stock open at the end); pendingOverdue: of those, overdue at the end.
 * A unit is the agency the feedback is with (`feedback.agency_id`).
 */
import type { Instant } from '../calendar/time.ts';
import { feedbackTimeliness, isFeedbackOverdue } from './feedback.ts';

export interface FeedbackFigureFacts {
  receivedAt: Instant;
  /** The due instant moved by the closed pauses. */
  dueAt: Instant;
  /** The pause in progress, if any. */
  waitingSince: Instant | null;
  answeredAt: Instant | null;
  refusedAt: Instant | null;
}

export interface FeedbackFigures {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  refused: number;
  pending: number;
  pendingOverdue: number;
}

export const emptyFeedbackFigures = (): FeedbackFigures => ({ received: 0, answeredOnTime: 0, answeredLate: 0, refused: 0, pending: 0, pendingOverdue: 0 });

export function addFeedbackFigures(a: FeedbackFigures, b: FeedbackFigures): FeedbackFigures {
  return {
    received: a.received + b.received,
    answeredOnTime: a.answeredOnTime + b.answeredOnTime,
    answeredLate: a.answeredLate + b.answeredLate,
    refused: a.refused + b.refused,
    pending: a.pending + b.pending,
    pendingOverdue: a.pendingOverdue + b.pendingOverdue,
  };
}

/** The share of answers in the period given on time (0–1, 4 decimals); null when none was answered. */
export function feedbackOnTimeShare(f: Pick<FeedbackFigures, 'answeredOnTime' | 'answeredLate'>): number | null {
  const answered = f.answeredOnTime + f.answeredLate;
  return answered === 0 ? null : Math.round((f.answeredOnTime / answered) * 10_000) / 10_000;
}

const within = (t: Instant | null, start: Instant, end: Instant): boolean => t !== null && t >= start && t < end;
const before = (t: Instant | null, end: Instant): boolean => t !== null && t < end;

/** The figures of `items` (one unit's, or any set) over [start, end). */
export function feedbackFigures(items: readonly FeedbackFigureFacts[], window: { start: Instant; end: Instant }): FeedbackFigures {
  const { start, end } = window;
  const out = emptyFeedbackFigures();
  for (const f of items) {
    if (within(f.receivedAt, start, end)) out.received += 1;
    if (within(f.answeredAt, start, end)) {
      if (feedbackTimeliness(f.answeredAt!, f.dueAt) === 'late') out.answeredLate += 1;
      else out.answeredOnTime += 1;
    }
    if (within(f.refusedAt, start, end)) out.refused += 1;
    if (f.receivedAt < end && !before(f.answeredAt, end) && !before(f.refusedAt, end)) {
      out.pending += 1;
      if (isFeedbackOverdue({ dueAt: f.dueAt, waitingSince: f.waitingSince }, end)) out.pendingOverdue += 1;
    }
  }
  return out;
}
