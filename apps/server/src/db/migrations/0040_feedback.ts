import { sql, type Kysely } from 'kysely';

/**
 * Feedback and petitions (phản ánh, kiến nghị; docs/rules/service-quality.md): the core a feedback
 * needs for its legal clock and for the service index's satisfaction group. Handling details
 * (assignment history, pauses, published answers) come in later migrations.
 * - `agency_id`: the competent unit it is addressed or assigned to (the root agency when the sender
 *   named none); its calendar counts the 10 working days.
 * - `due_at`: `received_at` + 10 working days, moved later by pauses while waiting for the sender.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE feedback (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      channel text NOT NULL CHECK (channel IN ('portal', 'counter', 'phone', 'letter', 'email')),
      category text,
      title text NOT NULL,
      content text NOT NULL,
      sender_name text,
      sender_phone text,
      sender_email text,
      citizen_id uuid REFERENCES citizens(id) ON DELETE SET NULL,
      publish_consent boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'assigned', 'waiting_sender', 'answered', 'refused')),
      received_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      answered_at timestamptz,
      answer text,
      published_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX feedback_agency_received ON feedback (agency_id, received_at)`.execute(db);
  await sql`CREATE INDEX feedback_open_due ON feedback (due_at) WHERE answered_at IS NULL AND status <> 'refused'`.execute(db);
}
