/**
 * The calendar as administrators and the portal see it: official schedules by year (bundled or
 * loaded), the schedule in force for any year, and loading a new year's schedule without a
 * release. Appointments already recorded on dossiers are stored and never recomputed, so a new
 * schedule does not move them.
 */
import type { Kysely } from 'kysely';
import {
  AppError,
  parseHolidaySchedules,
  validateHolidayRules,
  validateHolidaySchedules,
  type Actor,
  type HolidayRule,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { bundledHolidaySchedules } from '../../infra/reference-data.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { canManageHolidaySchedules } from './calendar.policies.ts';
import { statutoryRulesKey } from './calendar.provider.ts';
import * as repo from './calendar.repository.ts';

export interface ScheduleView {
  year: number;
  official: boolean;
  source: 'bundled' | 'loaded' | 'statutory_rules';
  daysOff: string[];
  workingDays: string[];
  confidence: string | null;
  notes: string | null;
}

/** The schedule in force for a year: loaded, else bundled, else derived from the statutory rules. */
export async function scheduleOfYear(year: number, deps: Pick<Deps, 'db' | 'calendars'>): Promise<ScheduleView> {
  const loaded = (await repo.listSchedules(deps.db)).find((s) => s.year === year);
  if (loaded) return { year, official: true, source: 'loaded', daysOff: loaded.daysOff, workingDays: loaded.workingDays, confidence: loaded.confidence, notes: loaded.notes };
  const bundled = bundledYears().get(year);
  if (bundled) return { year, official: true, source: 'bundled', ...bundled };
  const derived = (await deps.calendars.standard()).scheduleForYear(year);
  return { year, official: false, source: 'statutory_rules', daysOff: derived.daysOff, workingDays: derived.workingDays, confidence: null, notes: null };
}

/** Every official schedule known: bundled ones, overridden by loaded ones. */
export async function listOfficialSchedules(deps: Pick<Deps, 'db'>): Promise<ScheduleView[]> {
  const byYear = new Map<number, ScheduleView>();
  for (const [year, s] of bundledYears()) byYear.set(year, { year, official: true, source: 'bundled', ...s });
  for (const s of await repo.listSchedules(deps.db)) {
    byYear.set(s.year, { year: s.year, official: true, source: 'loaded', daysOff: s.daysOff, workingDays: s.workingDays, confidence: s.confidence, notes: s.notes });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function bundledYears(): Map<number, Omit<ScheduleView, 'year' | 'official' | 'source'>> {
  const json = bundledHolidaySchedules() as { years: Record<string, { confidence?: string; notes?: string }> };
  const parsed = parseHolidaySchedules(json);
  return new Map(
    Object.entries(parsed).map(([y, s]) => [
      Number(y),
      { daysOff: [...s.daysOff], workingDays: [...s.workingDays], confidence: json.years[y]?.confidence ?? null, notes: json.years[y]?.notes ?? null },
    ]),
  );
}

async function rootPaths(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('agencies').select('path').where('parent_id', 'is', null).execute();
  return rows.map((r) => r.path);
}

/** An administrator loads (or corrects) the official schedule of one year. */
export async function putYearSchedule(
  context: AuditContext,
  year: number,
  input: { daysOff: string[]; workingDays: string[]; confidence?: string | undefined; notes?: string | undefined },
  deps: Pick<Deps, 'db' | 'calendars'>,
): Promise<ScheduleView> {
  if (!canManageHolidaySchedules(context.actor, await rootPaths(deps.db))) throw new AppError('auth.forbidden');
  const issues = validateHolidaySchedules({ years: { [String(year)]: input } });
  if (issues.length) throw new AppError('calendar.invalid_schedule', { issues });
  await deps.db.transaction().execute(async (tx) => {
    await repo.upsertSchedule(tx, {
      year, daysOff: [...input.daysOff].sort(), workingDays: [...input.workingDays].sort(),
      confidence: input.confidence ?? null, notes: input.notes ?? null, source: 'admin', loadedBy: actorName(context.actor),
    });
    await recordAudit(tx, context, { action: 'calendar.schedule_loaded', entityType: 'holiday_schedule', entityId: String(year), details: { ...input } });
  });
  deps.calendars.invalidate();
  return scheduleOfYear(year, deps);
}

function actorName(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.username : null;
}

/**
 * Loads `holidays.json` of a bundle: every year's schedule (idempotent) and, if present, the
 * statutory rules (`statutoryRules`, Labour Code art. 112 as data). Returns counts.
 */
export async function loadHolidayBundle(
  tx: Kysely<Database>,
  json: unknown,
  locate: (path: Array<string | number>) => string,
): Promise<{ created: number; updated: number; unchanged: number; statutoryRules?: 'loaded' | 'unchanged' }> {
  const issues = validateHolidaySchedules(json).map((i) => ({ ...i, path: locate(splitPath(i.path)) }));
  const rules = (json as { statutoryRules?: unknown }).statutoryRules;
  if (rules !== undefined) {
    issues.push(...validateHolidayRules(rules).map((i) => ({ ...i, path: locate(['statutoryRules', ...splitPath(i.path)]) })));
  }
  if (issues.length) {
    throw new AppError('bundle.invalid', {
      messages: { vi: 'Gói cấu hình không hợp lệ, không có thay đổi nào được lưu', en: 'The configuration bundle is invalid; nothing was changed' },
      issues,
    });
  }
  const years = (json as { years: Record<string, { confidence?: string; notes?: string }> }).years;
  const parsed = parseHolidaySchedules(json);
  const existing = new Map((await repo.listSchedules(tx)).map((s) => [s.year, s]));
  const counts = { created: 0, updated: 0, unchanged: 0 } as { created: number; updated: number; unchanged: number; statutoryRules?: 'loaded' | 'unchanged' };
  for (const [y, schedule] of Object.entries(parsed)) {
    const year = Number(y);
    const daysOff = [...schedule.daysOff].sort();
    const workingDays = [...schedule.workingDays].sort();
    const before = existing.get(year);
    const meta = { confidence: years[y]?.confidence ?? null, notes: years[y]?.notes ?? null };
    if (before && same(before.daysOff, daysOff) && same(before.workingDays, workingDays) && before.confidence === meta.confidence && before.notes === meta.notes) {
      counts.unchanged++;
      continue;
    }
    await repo.upsertSchedule(tx, { year, daysOff, workingDays, ...meta, source: 'bundle', loadedBy: 'motcua setup' });
    if (before) counts.updated++;
    else counts.created++;
  }
  if (rules !== undefined) {
    const current = await repo.getSetting(tx, statutoryRulesKey);
    if (JSON.stringify(current) === JSON.stringify(rules)) counts.statutoryRules = 'unchanged';
    else {
      await repo.putSetting(tx, statutoryRulesKey, rules as HolidayRule[], 'motcua setup');
      counts.statutoryRules = 'loaded';
    }
  }
  return counts;
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** `years.2026.daysOff[3]` → ['years', '2026', 'daysOff', 3]. */
function splitPath(path: string): Array<string | number> {
  return path
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}
