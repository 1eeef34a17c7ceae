// Test helpers: the official schedules and the deadline vectors copied into the repository.
import fs from 'node:fs';
import path from 'node:path';
import {
  createWorkingCalendar, parseHolidaySchedules, parseInstant, type DueInput, type OfficialSchedules, type ProcessingTime,
} from '../../src/index.ts';

const testDir = path.resolve(import.meta.dirname, '..');

export const holidaysJson: unknown = JSON.parse(fs.readFileSync(path.join(testDir, 'fixtures', 'holidays.json'), 'utf8'));
export const officialSchedules: OfficialSchedules = parseHolidaySchedules(holidaysJson);
/** The default calendar (docs/rules/time.md) with the official schedules of 2023–2026. */
export const calendar = createWorkingCalendar({ officialSchedules });

export interface DeadlineVector {
  name: string;
  receivedAt: string;
  duration: ProcessingTime;
  pauses?: { from: string; to: string }[];
  restartAt?: string;
  lateReceiptWindowMinutes?: number;
  expectedDueAt: string;
  why?: string;
}

export function readVectors(file: string): DeadlineVector[] {
  return fs
    .readFileSync(path.join(testDir, 'vectors', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DeadlineVector);
}

export function dueInputOf(vector: DeadlineVector): DueInput {
  return {
    receivedAt: parseInstant(vector.receivedAt),
    duration: vector.duration,
    ...(vector.pauses ? { pauses: vector.pauses.map((p) => ({ from: parseInstant(p.from), to: parseInstant(p.to) })) } : {}),
    ...(vector.restartAt ? { restartAt: parseInstant(vector.restartAt) } : {}),
    ...(vector.lateReceiptWindowMinutes !== undefined ? { lateReceiptWindowMinutes: vector.lateReceiptWindowMinutes } : {}),
  };
}

/** Local time shorthand: `at('2025-03-11 10:00')` is 10:00 in Vietnam. */
export function at(local: string): number {
  return parseInstant(local.replace(' ', 'T') + (local.length <= 16 ? ':00' : '') + '+07:00');
}
