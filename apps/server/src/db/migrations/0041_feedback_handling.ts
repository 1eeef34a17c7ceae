import { sql, type Kysely } from 'kysely';

/**
 * Handling of feedback and petitions (docs/rules/service-quality.md, "Feedback and petitions"),
 * on top of the core of migration 0040, whose columns keep their meaning (`agency_id` the unit it
 * is with, `received_at`, `due_at` moved by closed pauses, `answered_at`, `status`).
 *
 * - `category`: what the submission is — feedback, petition, or (refused) complaint or
 *   denunciation; null is a feedback.
 * - `addressed_agency_id`: the agency the sender addressed (the root agency when none): its
 *   calendar counts the 10 working days, also after the feedback is assigned elsewhere. Null on
 *   rows written before this migration: `agency_id` then.
 * - `waiting_since`: the start of the pause in progress while the unit waits for the sender's
 *   details (null while the clock runs); the pauses themselves are the log's ask_sender/resume.
 * - `overdue_notified_at`: when the unit's leaders were told the feedback passed its due instant
 *   (once; the escalation sweep sets it in the transaction that queues the notices).
 * - `security_code_hash`: SHA-256 of the security code the sender got at submission, to read
 *   their own answer when it is not published.
 * - `published_*`: the title, content and answer as published, personal data removed and reviewed
 *   by an officer; `published_search` (lower case, no diacritics) is what the portal searches.
 * - `feedback_events`: the log (timeline) of every step; updates and deletes are refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE feedback
      ADD COLUMN addressed_agency_id uuid REFERENCES agencies(id),
      ADD COLUMN sender_address text,
      ADD COLUMN security_code_hash text,
      ADD COLUMN received_by uuid REFERENCES users(id),
      ADD COLUMN assigned_at timestamptz,
      ADD COLUMN waiting_since timestamptz,
      ADD COLUMN answered_by uuid REFERENCES users(id),
      ADD COLUMN refused_at timestamptz,
      ADD COLUMN published_title text,
      ADD COLUMN published_content text,
      ADD COLUMN published_answer text,
      ADD COLUMN published_by uuid REFERENCES users(id),
      ADD COLUMN published_search text GENERATED ALWAYS AS (
        motcua_fold(coalesce(published_title, '') || ' ' || coalesce(published_content, '') || ' ' || coalesce(published_answer, ''))
      ) STORED,
      ADD COLUMN overdue_notified_at timestamptz,
      ADD COLUMN updated_at timestamptz,
      ADD CONSTRAINT feedback_category_known CHECK (category IS NULL OR category IN ('feedback', 'petition', 'complaint', 'denunciation')),
      ADD CONSTRAINT feedback_waiting_has_since CHECK ((status = 'waiting_sender') = (waiting_since IS NOT NULL)),
      ADD CONSTRAINT feedback_published_answered CHECK (published_at IS NULL OR (status = 'answered' AND published_answer IS NOT NULL))`.execute(db);
  await sql`CREATE INDEX feedback_agency_status ON feedback (agency_id, status)`.execute(db);
  await sql`CREATE INDEX feedback_overdue_unnoticed ON feedback (due_at) WHERE overdue_notified_at IS NULL AND status IN ('received', 'assigned', 'waiting_sender')`.execute(db);
  await sql`CREATE INDEX feedback_citizen ON feedback (citizen_id, received_at DESC) WHERE citizen_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX feedback_published ON feedback (published_at DESC) WHERE published_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX feedback_published_search ON feedback USING gin (published_search gin_trgm_ops) WHERE published_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE feedback_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      feedback_id uuid NOT NULL REFERENCES feedback(id),
      action text NOT NULL CHECK (action IN ('receive', 'assign', 'ask_sender', 'resume', 'answer', 'refuse', 'publish')),
      from_status text,
      to_status text NOT NULL,
      actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'anonymous')),
      actor_id text,
      actor_name text,
      at timestamptz NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX feedback_events_feedback ON feedback_events (feedback_id, id)`.execute(db);
  await sql`
    CREATE TRIGGER feedback_events_append_only BEFORE UPDATE OR DELETE ON feedback_events
    FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
  await sql`
    CREATE TRIGGER feedback_events_no_truncate BEFORE TRUNCATE ON feedback_events
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
}
