/**
 * Calendar arithmetic for the holiday screens, on plain dates (`YYYY-MM-DD`) through UTC so that no
 * browser time zone moves a day.
 */
export type DayKind = 'off' | 'working' | 'weekend' | 'normal';

export interface MonthDay {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function plainDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The weeks of a month (1–12), Monday first; `null` pads the first and last week. */
export function monthWeeks(year: number, month: number): Array<Array<MonthDay | null>> {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const lead = (first + 6) % 7; // Monday = 0
  const cells: Array<MonthDay | null> = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= days; day++) {
    const weekday = (first + day - 1) % 7;
    cells.push({ date: plainDate(year, month, day), day, weekday });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<MonthDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

export function kindOf(date: string, weekday: number, daysOff: ReadonlySet<string>, workingDays: ReadonlySet<string>): DayKind {
  if (daysOff.has(date)) return 'off';
  if (workingDays.has(date)) return 'working';
  return isWeekend(weekday) ? 'weekend' : 'normal';
}

/**
 * A click on a day in the editor: a weekday becomes (or stops being) a day off; a Saturday or
 * Sunday becomes (or stops being) a make-up working day. A date is never in both lists.
 */
export function toggleDay(date: string, lists: { daysOff: string[]; workingDays: string[] }): { daysOff: string[]; workingDays: string[] } {
  const { daysOff, workingDays } = lists;
  if (daysOff.includes(date)) return { daysOff: daysOff.filter((d) => d !== date), workingDays };
  if (workingDays.includes(date)) return { daysOff, workingDays: workingDays.filter((d) => d !== date) };
  if (isWeekend(weekdayOf(date))) return { daysOff, workingDays: [...workingDays, date].sort() };
  return { daysOff: [...daysOff, date].sort(), workingDays };
}

/** Consecutive days off (weekends between them included) as runs: Tết shows as one line. */
export function runsOf(dates: readonly string[]): Array<{ from: string; to: string; days: number }> {
  const sorted = [...dates].sort();
  const runs: Array<{ from: string; to: string; days: number }> = [];
  const dayNumber = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  for (const date of sorted) {
    const last = runs.at(-1);
    // Joined across a weekend only: Friday to the next Monday is 3 days apart.
    const gap = last ? dayNumber(date) - dayNumber(last.to) : Infinity;
    const bridgesWeekend = gap > 1 && gap <= 3 && Array.from({ length: gap - 1 }, (_, i) => isWeekend(weekdayOf(shift(last!.to, i + 1)))).every(Boolean);
    if (last && (gap === 1 || bridgesWeekend)) {
      last.to = date;
      last.days += 1;
    } else {
      runs.push({ from: date, to: date, days: 1 });
    }
  }
  return runs;
}

function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
