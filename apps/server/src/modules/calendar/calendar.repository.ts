/** SQL for the calendar data: official schedules, statutory rules, per-agency working periods. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface ScheduleRow {
  year: number;
  daysOff: string[];
  workingDays: string[];
  confidence: string | null;
  notes: string | null;
  source: string;
  loadedAt: Date;
  loadedBy: string | null;
}

export async function listSchedules(db: Kysely<Database>): Promise<ScheduleRow[]> {
  // Arrays as text[]: the driver's date parser would otherwise shift dates by the server's zone.
  const rows = await db
    .selectFrom('holiday_schedules')
    .select(['year', sql<string[]>`days_off::text[]`.as('days_off'), sql<string[]>`working_days::text[]`.as('working_days'), 'confidence', 'notes', 'source', 'loaded_at', 'loaded_by'])
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    year: r.year, daysOff: r.days_off, workingDays: r.working_days, confidence: r.confidence, notes: r.notes,
    source: r.source, loadedAt: r.loaded_at, loadedBy: r.loaded_by,
  }));
}

export async function upsertSchedule(
  db: Kysely<Database>,
  row: { year: number; daysOff: string[]; workingDays: string[]; confidence: string | null; notes: string | null; source: string; loadedBy: string | null },
): Promise<void> {
  const values = {
    year: row.year,
    days_off: sql<string[]>`${row.daysOff}::date[]`,
    working_days: sql<string[]>`${row.workingDays}::date[]`,
    confidence: row.confidence,
    notes: row.notes,
    source: row.source,
    loaded_by: row.loadedBy,
    loaded_at: new Date(),
  };
  await db
    .insertInto('holiday_schedules')
    .values(values as never)
    .onConflict((oc) => oc.column('year').doUpdateSet(values as never))
    .execute();
}

export async function getSetting(db: Kysely<Database>, key: string): Promise<unknown | undefined> {
  const r = await db.selectFrom('calendar_settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function putSetting(db: Kysely<Database>, key: string, value: unknown, by: string | null): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('calendar_settings')
    .values({ key, value: json, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: by, updated_at: new Date() }))
    .execute();
}

export async function agencyCalendarRows(db: Kysely<Database>) {
  return db.selectFrom('agency_calendars').select(['agency_id', 'periods', 'weekly_days_off']).execute();
}

/** A change marker: bumps whenever schedules, settings or agency calendars change. */
export async function calendarDataVersion(db: Kysely<Database>): Promise<string> {
  const r = await sql<{ v: string | null }>`
    SELECT concat_ws('|',
      (SELECT max(loaded_at)::text || count(*) FROM holiday_schedules),
      (SELECT max(updated_at)::text || count(*) FROM calendar_settings),
      (SELECT max(updated_at)::text || count(*) FROM agency_calendars)) AS v`.execute(db);
  return r.rows[0]?.v ?? '';
}
