import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en.ts';
import { vi } from '../../src/shared/i18n/vi.ts';
import { dueStateOf, formatWorkingTimeLeft, splitWorkingMinutes } from '../../src/shared/timeLeft.ts';
import { workingMinutesUntil } from '../../src/console/dossiers/workingTime.ts';

let tVi: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const make = async (lng: 'vi' | 'en') => {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
    return instance.t;
  };
  tVi = await make('vi');
  tEn = await make('en');
});

describe('working time left', () => {
  it('counts a day as a working day of 8 hours', () => {
    expect(splitWorkingMinutes(480 + 3 * 60)).toEqual({ days: 1, hours: 3, minutes: 0 });
    expect(splitWorkingMinutes(-125)).toEqual({ days: 0, hours: 2, minutes: 5 });
  });

  it('says days and hours when a day or more is left, as the counter says it', () => {
    expect(formatWorkingTimeLeft(tVi, 480 + 180)).toBe('còn 1 ngày 3 giờ làm việc');
    expect(formatWorkingTimeLeft(tVi, 5 * 480)).toBe('còn 5 ngày làm việc');
  });

  it('says hours and minutes under a day, minutes alone under an hour', () => {
    expect(formatWorkingTimeLeft(tVi, 200)).toBe('còn 3 giờ 20 phút làm việc');
    expect(formatWorkingTimeLeft(tVi, 45)).toBe('còn 45 phút làm việc');
  });

  it('drops the minutes in list rows once there is an hour or more', () => {
    expect(formatWorkingTimeLeft(tVi, -288, true)).toBe('quá hạn 4 giờ làm việc');
    expect(formatWorkingTimeLeft(tVi, 40, true)).toBe('còn 40 phút làm việc');
  });

  it('says how late an overdue dossier is', () => {
    expect(formatWorkingTimeLeft(tVi, -120)).toBe('quá hạn 2 giờ làm việc');
    expect(formatWorkingTimeLeft(tEn, -120)).toBe('2 hours overdue');
  });

  it('uses English plurals in English', () => {
    expect(formatWorkingTimeLeft(tEn, 480 + 60)).toBe('1 day 1 hour left');
  });

  it('says "due now" at zero', () => {
    expect(formatWorkingTimeLeft(tVi, 0)).toBe('đến hạn');
  });
});

describe('where a dossier stands against its appointment', () => {
  const now = Date.parse('2026-11-27T10:00:00+07:00');

  it('is overdue once the appointment has passed, or when the server says so', () => {
    expect(dueStateOf({ status: 'processing', dueAt: '2026-11-27T09:00:00+07:00' }, now)).toBe('overdue');
    expect(dueStateOf({ status: 'processing', dueAt: '2026-12-27T09:00:00+07:00', overdue: true }, now)).toBe('overdue');
  });

  it('is due soon within the 2 days the server’s due=soon filter uses', () => {
    expect(dueStateOf({ status: 'received', dueAt: '2026-11-29T09:00:00+07:00' }, now)).toBe('soon');
    expect(dueStateOf({ status: 'received', dueAt: '2026-12-04T09:00:00+07:00' }, now)).toBe('on_track');
  });

  it('has its clock stopped while a supplement is awaited or processing is suspended', () => {
    expect(dueStateOf({ status: 'supplement_requested', dueAt: '2026-11-27T09:00:00+07:00' }, now)).toBe('stopped');
    expect(dueStateOf({ status: 'paused', dueAt: null }, now)).toBe('stopped');
  });

  it('is closed once a result exists or the dossier ended', () => {
    for (const status of ['resolved', 'rejected', 'returned', 'refused', 'withdrawn']) {
      expect(dueStateOf({ status, dueAt: '2026-11-27T09:00:00+07:00' }, now)).toBe('closed');
    }
  });

  it('has no deadline before reception', () => {
    expect(dueStateOf({ status: 'submitted', dueAt: null }, now)).toBe('none');
  });
});

describe('working minutes until an appointment (list rows)', () => {
  it('skips the lunch break', () => {
    expect(workingMinutesUntil('2026-11-27T14:00:00+07:00', Date.parse('2026-11-27T11:00:00+07:00'))).toBe(120);
  });

  it('skips the weekend: Friday 16:00 to Monday 09:00 is two working hours', () => {
    expect(workingMinutesUntil('2026-11-30T09:00:00+07:00', Date.parse('2026-11-27T16:00:00+07:00'))).toBe(120);
  });

  it('is negative past the appointment', () => {
    expect(workingMinutesUntil('2026-11-27T09:00:00+07:00', Date.parse('2026-11-27T10:30:00+07:00'))).toBe(-90);
  });

  it('gives nothing for an unreadable date', () => {
    expect(workingMinutesUntil('not a date', 0)).toBeUndefined();
  });
});
