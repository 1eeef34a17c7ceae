import { sql, type Kysely } from 'kysely';

/**
 * Satisfaction ratings, complete (docs/rules/service-quality.md):
 * - `dossier_rating_answers`: the applicant's answers to the optional criteria of the one-stop
 *   scoring tool (Circular 01/2018/TT-VPCP, nine criteria of 2 points), one row per criterion
 *   answered, worth 2, 1 or 0 points. A criterion left unanswered has no row, so a report
 *   averages only the answers given.
 * - `rating_alerts`: a rating at or below the domain's threshold (`lowRatingThreshold`, 2) alerts
 *   the leaders of the dossier's receiving unit (`agency_id`); a leader marks it handled, with a
 *   note, once. Written in the rating's transaction, with the notification to those leaders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dossier_rating_answers (
      dossier_id bigint NOT NULL REFERENCES dossier_ratings(dossier_id),
      criterion text NOT NULL CHECK (criterion IN (
        'total_time', 'agency_time', 'contacts', 'agencies_contacted', 'one_stop', 'publication', 'attitude', 'feedback_handling', 'online_service'
      )),
      points smallint NOT NULL CHECK (points BETWEEN 0 AND 2),
      PRIMARY KEY (dossier_id, criterion)
    )`.execute(db);

  await sql`
    CREATE TABLE rating_alerts (
      dossier_id bigint PRIMARY KEY REFERENCES dossier_ratings(dossier_id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
      raised_at timestamptz NOT NULL,
      handled_at timestamptz,
      handled_by uuid REFERENCES users(id),
      handling_note text,
      CHECK ((handled_at IS NULL) = (handled_by IS NULL))
    )`.execute(db);
  // The leaders' list: their units' alerts, newest first, the open ones apart.
  await sql`CREATE INDEX rating_alerts_agency_raised ON rating_alerts (agency_id, raised_at DESC)`.execute(db);
  await sql`CREATE INDEX rating_alerts_open ON rating_alerts (agency_id, raised_at DESC) WHERE handled_at IS NULL`.execute(db);
}
