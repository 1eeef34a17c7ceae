import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en.ts';
import { vi } from '../../src/shared/i18n/vi.ts';
import { dueStateOf, formatWorkingTimeLeft, splitWorkingMinutes } from '../../src/shared/timeLeft.ts';

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

describe('where a dossier stands against its appointment: what the server says, nothing decided here', () => {
  it('shows the server\'s overdue and due soon, whatever the dates would suggest', () => {
    expect(dueStateOf({ status: 'processing', timeliness: 'in_progress_overdue' })).toBe('overdue');
    expect(dueStateOf({ status: 'received', timeliness: 'due_soon' })).toBe('soon');
    expect(dueStateOf({ status: 'received', timeliness: 'in_progress_on_time' })).toBe('on_track');
  });

  it('shows a clock stopped in time as stopped, and one stopped after its appointment as overdue', () => {
    expect(dueStateOf({ status: 'supplement_requested', timeliness: 'in_progress_on_time' })).toBe('stopped');
    expect(dueStateOf({ status: 'paused', timeliness: 'in_progress_on_time' })).toBe('stopped');
    expect(dueStateOf({ status: 'paused', timeliness: 'in_progress_overdue' })).toBe('overdue');
  });

  it('is closed once a result exists or the dossier ended (a withdrawn dossier is never overdue)', () => {
    for (const timeliness of ['resolved_ahead', 'resolved_on_time', 'resolved_overdue', 'closed'] as const) {
      expect(dueStateOf({ status: 'withdrawn', timeliness })).toBe('closed');
    }
  });

  it('has no deadline before reception', () => {
    expect(dueStateOf({ status: 'submitted', timeliness: 'not_received' })).toBe('none');
  });
});
