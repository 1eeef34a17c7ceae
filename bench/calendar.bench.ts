/**
 * Deadline arithmetic (docs/benchmarks.md: at least 1 million due-date computations per second on one core).
 * Workload: working_days 1–30, received at random minutes over 2023–2026, half of them with one
 * pause of an hour to five days, on the default calendar with the official 2023–2026 schedules.
 * Baseline (same run): a naive minute-by-minute walker over a small sample — Date objects for
 * local dates, a Set of holiday strings, one step per minute — which also checks the results.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  computeDueAt, createWorkingCalendar, defaultHolidayRules, defaultScheduleForYear, parseHolidaySchedules, type DueInput,
} from '@motcua/domain';
import { opsPerSecond, record } from './lib.ts';
import { seededRandom as random } from '../apps/server/src/demo/random.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const OFFSET = 7 * HOUR;

const holidays = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../packages/domain/test/fixtures/holidays.json'), 'utf8'));
const officialSchedules = parseHolidaySchedules(holidays);
const calendar = createWorkingCalendar({ officialSchedules });

const rand = random(20_250_304);
const from = Date.UTC(2023, 0, 1) - OFFSET;
const to = Date.UTC(2027, 0, 1) - OFFSET;
const inputs: DueInput[] = [];
for (let i = 0; i < 8192; i++) {
  const receivedAt = from + Math.floor((rand() * (to - from)) / MINUTE) * MINUTE;
  const value = 1 + Math.floor(rand() * 30);
  const input: DueInput = { receivedAt, duration: { value, unit: 'working_days' } };
  if (i % 2 === 1) {
    const start = receivedAt + Math.floor(rand() * 10 * 24 * 60) * MINUTE;
    input.pauses = [{ from: start, to: start + (60 + Math.floor(rand() * 5 * 24 * 60)) * MINUTE }];
  }
  inputs.push(input);
}

// The baseline: the simplest direct way, one minute at a time.
const daysOff = new Set<string>();
const workingDays = new Set<string>();
for (const schedule of [...Object.values(officialSchedules), defaultScheduleForYear(defaultHolidayRules, 2027)]) {
  schedule.daysOff.forEach((d) => daysOff.add(d));
  schedule.workingDays.forEach((d) => workingDays.add(d));
}
function naiveDueAt(input: DueInput): number {
  let remaining = input.duration.value * 8 * 60;
  let t = input.receivedAt;
  for (;;) {
    const local = new Date(t + OFFSET);
    const date = local.toISOString().slice(0, 10);
    const weekday = local.getUTCDay();
    const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
    const workingDay = workingDays.has(date) || (weekday !== 0 && weekday !== 6 && !daysOff.has(date));
    const inPeriod = (minuteOfDay >= 480 && minuteOfDay < 720) || (minuteOfDay >= 780 && minuteOfDay < 1020);
    const paused = input.pauses?.some((p) => t >= p.from && t < p.to) ?? false;
    t += MINUTE;
    if (workingDay && inPeriod && !paused && --remaining === 0) return t;
  }
}

const sample = inputs.slice(0, 200);
for (const input of sample) {
  const expected = naiveDueAt(input);
  const actual = computeDueAt(calendar, input);
  if (actual !== expected) throw new Error(`Mismatch for ${JSON.stringify(input)}: ${actual} vs naive ${expected}`);
}
console.log(`  checked ${sample.length} cases against the naive minute-by-minute walker: identical`);

const mask = inputs.length - 1;
const fast = opsPerSecond((i) => computeDueAt(calendar, inputs[i & mask]!), 3000);
const naive = opsPerSecond((i) => naiveDueAt(sample[i % sample.length]!), 3000);
record({
  bench: 'calendar',
  metric: 'due-date computations per second (working_days 1-30, half with a pause, 2023-2026)',
  value: fast,
  unit: 'ops/s',
  baseline: naive,
  dataset: 'baseline = naive minute-by-minute walker (Date + Set of holiday strings) on a 200-case sample',
});

const noPause = inputs.filter((input) => !input.pauses);
const noPauseMask = 2048 - 1;
const fastNoPause = opsPerSecond((i) => computeDueAt(calendar, noPause[i & noPauseMask]!), 2000);
/** The common shortcut: step N working days with a Date, same time of day (right only when received in working time). */
function dayLoopDueAt(input: DueInput): number {
  const d = new Date(input.receivedAt + OFFSET);
  for (let left = input.duration.value; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const date = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (workingDays.has(date) || (weekday !== 0 && weekday !== 6 && !daysOff.has(date))) left--;
  }
  return d.getTime() - OFFSET;
}
const dayLoop = opsPerSecond((i) => dayLoopDueAt(noPause[i & noPauseMask]!), 2000);
record({
  bench: 'calendar',
  metric: 'due-date computations per second without pauses',
  value: fastNoPause,
  unit: 'ops/s',
  baseline: dayLoop,
  dataset: 'baseline = plain loop adding N working days to a Date (Set of holiday strings), no intra-day rules',
});
