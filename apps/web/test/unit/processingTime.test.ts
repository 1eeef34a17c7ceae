import { describe, expect, it } from 'vitest';
import { processingTimeLabel } from '../../src/shared/processingTime.ts';

describe('a processing time or a step budget in words, the same in the console and on the portal', () => {
  it('says a quarter of a working hour as 15 minutes, never 0,25 giờ', () => {
    expect(processingTimeLabel('vi', { value: 0.25, unit: 'working_hours' })).toBe('15 phút làm việc');
    expect(processingTimeLabel('en', { value: 0.25, unit: 'working_hours' })).toBe('15 min of working time');
  });

  it('says 1,5 working hours as hours and minutes', () => {
    expect(processingTimeLabel('vi', { value: 1.5, unit: 'working_hours' })).toBe('1 giờ 30 phút làm việc');
  });

  it('keeps whole units as they are', () => {
    expect(processingTimeLabel('vi', { value: 5, unit: 'working_days' })).toBe('5 ngày làm việc');
    expect(processingTimeLabel('en', { value: 1, unit: 'working_days' })).toBe('1 working day');
    expect(processingTimeLabel('vi', { value: 30, unit: 'days' })).toBe('30 ngày theo lịch');
    expect(processingTimeLabel('en', { value: 1, unit: 'days' })).toBe('1 calendar day');
  });

  it('gives a same-day procedure its cut-off hour', () => {
    expect(processingTimeLabel('vi', { value: 1, unit: 'same_day', cutoff: '15:30' })).toContain('tiếp nhận trước 15:30');
  });
});
