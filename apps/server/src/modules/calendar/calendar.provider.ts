/**
 * Working calendars per agency, built from data: the bundled official schedules, overridden by
 * the ones administrators loaded, the statutory rules (Labour Code art. 112 as data) and each
 * agency's working periods. Cached, and forgotten (`invalidate`) as soon as any process commits
 * a change to those tables (`modules/reference/reference.changes.ts`); should a notice be missed,
 * a cheap version check picks the change up within `maxStaleMs`.
 */
import type { Kysely } from 'kysely';
import {
  createWorkingCalendar,
  parseHolidaySchedules,
  type HolidayRule,
  type OfficialSchedules,
  type WorkingCalendar,
  type WorkingPeriod,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { bundledHolidaySchedules } from '../../infra/reference-data.ts';
import * as repo from './calendar.repository.ts';

/** The calendars as of now, usable synchronously (e.g. inside a transaction). */
export interface CalendarSet {
  standard: WorkingCalendar;
  /** The calendar of an agency (the default calendar when it has no working periods of its own). */
  forAgency(agencyId: string | null): WorkingCalendar;
}

export interface CalendarProvider {
  /**
   * The current calendars. Take them before opening a transaction: loading may query the
   * database, and the embedded database has a single connection.
   */
  current(): Promise<CalendarSet>;
  /** The calendar of an agency (the default calendar when it has no working periods of its own). */
  forAgency(agencyId: string | null): Promise<WorkingCalendar>;
  /** The default calendar (docs/rules/time.md). */
  standard(): Promise<WorkingCalendar>;
  /** Forget the cache, e.g. after loading a schedule. */
  invalidate(): void;
}

export const statutoryRulesKey = 'statutory_rules';

export function createCalendarProvider(db: Kysely<Database>, options: { maxStaleMs?: number; now?: () => number } = {}): CalendarProvider {
  const maxStaleMs = options.maxStaleMs ?? 30_000;
  const now = options.now ?? (() => performance.now());
  let cache: Promise<{ standard: WorkingCalendar; byAgency: Map<string, WorkingCalendar> }> | undefined;
  let version = '';
  let checkedAt = -Infinity;

  const build = async () => {
    const official: OfficialSchedules = { ...parseHolidaySchedules(bundledHolidaySchedules()) };
    for (const s of await repo.listSchedules(db)) {
      official[String(s.year)] = { daysOff: s.daysOff as never, workingDays: s.workingDays as never };
    }
    const rules = (await repo.getSetting(db, statutoryRulesKey)) as HolidayRule[] | undefined;
    const base = { officialSchedules: official, ...(rules ? { statutoryRules: rules } : {}) };
    const standard = createWorkingCalendar(base);
    const byAgency = new Map<string, WorkingCalendar>();
    for (const row of await repo.agencyCalendarRows(db)) {
      byAgency.set(
        row.agency_id,
        createWorkingCalendar({
          ...base,
          ...(row.periods ? { periods: row.periods as WorkingPeriod[] } : {}),
          ...(row.weekly_days_off ? { weeklyDaysOff: row.weekly_days_off } : {}),
        }),
      );
    }
    return { standard, byAgency };
  };

  const current = async () => {
    if (cache && now() - checkedAt > maxStaleMs) {
      checkedAt = now();
      const v = await repo.calendarDataVersion(db);
      if (v !== version) {
        version = v;
        cache = undefined;
      }
    }
    if (!cache) {
      checkedAt = now();
      version = await repo.calendarDataVersion(db);
      cache = build();
      cache.catch(() => (cache = undefined));
    }
    return cache;
  };

  return {
    async current() {
      const c = await current();
      return { standard: c.standard, forAgency: (agencyId) => (agencyId && c.byAgency.get(agencyId)) || c.standard };
    },
    async forAgency(agencyId) {
      const c = await current();
      return (agencyId && c.byAgency.get(agencyId)) || c.standard;
    },
    async standard() {
      return (await current()).standard;
    },
    invalidate() {
      cache = undefined;
    },
  };
}

/** A provider that always answers `set`, with no database access (for use inside a transaction). */
export function fixedCalendars(set: CalendarSet): CalendarProvider {
  return {
    current: async () => set,
    forAgency: async (agencyId) => set.forAgency(agencyId),
    standard: async () => set.standard,
    invalidate: () => {},
  };
}
