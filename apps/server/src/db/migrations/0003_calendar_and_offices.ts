import { sql, type Kysely } from 'kysely';

/**
 * The calendar as data (official yearly schedules, statutory rules, per-agency working periods),
 * counters and units inside agencies, and agency succession (merged or abolished agencies keep
 * their history under their old names).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE holiday_schedules (
      year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2300),
      days_off date[] NOT NULL,
      working_days date[] NOT NULL,
      confidence text,
      notes text,
      source text NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now(),
      loaded_by text
    )`.execute(db);

  // Key/value settings of the calendar: the statutory holiday rules (Labour Code art. 112 as data).
  await sql`
    CREATE TABLE calendar_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text
    )`.execute(db);

  await sql`
    CREATE TABLE agency_calendars (
      agency_id uuid PRIMARY KEY REFERENCES agencies(id),
      periods jsonb,
      weekly_days_off integer[],
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`ALTER TABLE agencies ADD COLUMN successor_code text`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN short_name text`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN address text`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN phone text`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN email text`.execute(db);

  await sql`
    CREATE TABLE counters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      code text NOT NULL,
      name text NOT NULL,
      address text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, code)
    )`.execute(db);

  await sql`
    CREATE TABLE units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      code text NOT NULL,
      name text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, code)
    )`.execute(db);

  await sql`ALTER TABLE users ADD COLUMN unit_id uuid REFERENCES units(id)`.execute(db);
}
