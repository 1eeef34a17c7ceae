import { sql, type Kysely } from 'kysely';

/**
 * Administrative-reform plans (kế hoạch cải cách hành chính; docs/rules/reform-plans.md).
 * - `reform_plans`: an agency's plan for a year, with the number, symbol and date of the document
 *   that issued it when there is one.
 * - `reform_tasks`: its tasks, each in one of the six areas of the state programme, with a deadline
 *   (a calendar date) and the expected result; `completed_on` and `result` are recorded together
 *   when it is done.
 * - `reform_task_units`: the lead unit (one per task) and the coordinating units of a task; each is
 *   either a unit (phòng, ban) of an agency or a whole agency (a department, a commune) under the
 *   plan's agency.
 * - `reform_task_updates`: what was reported of a task, oldest first: progress (a share as of a
 *   date), its completion, or a reopening of a completion recorded by mistake.
 * - `reform_task_evidence`: the files (uploaded and checked by the files module) that back an
 *   update; a file backs one update only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reform_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      title text NOT NULL,
      document_number text,
      document_date date,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX reform_plans_year_agency ON reform_plans (year, agency_id)`.execute(db);

  await sql`
    CREATE TABLE reform_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES reform_plans(id),
      area text NOT NULL CHECK (area IN ('institutions', 'procedures', 'apparatus', 'civil_service', 'public_finance', 'digital_government')),
      position integer NOT NULL,
      title text NOT NULL,
      expected_result text NOT NULL,
      deadline date NOT NULL,
      completed_on date,
      result text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((completed_on IS NULL) = (result IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX reform_tasks_plan ON reform_tasks (plan_id, position)`.execute(db);

  await sql`
    CREATE TABLE reform_task_units (
      task_id uuid NOT NULL REFERENCES reform_tasks(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('lead', 'coordinating')),
      unit_id uuid REFERENCES units(id),
      agency_id uuid REFERENCES agencies(id),
      CHECK ((unit_id IS NULL) <> (agency_id IS NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX reform_task_units_one_lead ON reform_task_units (task_id) WHERE role = 'lead'`.execute(db);
  await sql`CREATE UNIQUE INDEX reform_task_units_unit ON reform_task_units (task_id, unit_id) WHERE unit_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX reform_task_units_agency ON reform_task_units (task_id, agency_id) WHERE agency_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX reform_task_units_by_unit ON reform_task_units (unit_id) WHERE unit_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX reform_task_units_by_agency ON reform_task_units (agency_id) WHERE agency_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE reform_task_updates (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      task_id uuid NOT NULL REFERENCES reform_tasks(id),
      kind text NOT NULL CHECK (kind IN ('progress', 'completion', 'reopening')),
      reported_on date NOT NULL,
      percent smallint CHECK (percent BETWEEN 0 AND 100),
      note text,
      actor_id uuid REFERENCES users(id),
      actor_name text,
      recorded_at timestamptz NOT NULL,
      CHECK ((kind = 'progress') = (percent IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX reform_task_updates_task ON reform_task_updates (task_id, id)`.execute(db);

  await sql`
    CREATE TABLE reform_task_evidence (
      file_id uuid PRIMARY KEY REFERENCES files(id),
      update_id bigint NOT NULL REFERENCES reform_task_updates(id)
    )`.execute(db);
  await sql`CREATE INDEX reform_task_evidence_update ON reform_task_evidence (update_id)`.execute(db);
}
