/**
 * Recent activity for the demo communes, relative to the day the demo is loaded: about 1 500
 * dossiers over the last four months at xã Giao Thủy, Giao Minh and Giao Hòa, most of them
 * resolved (a few late), some still in progress (a few already overdue) so that inboxes,
 * dashboards and rankings have something to show. Import lines (docs/interfaces.md), deterministic for a day.
 */
import { formatInstant, localDateOf } from '@motcua/domain';
import { seededRandom as random } from './random.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const VN = 7 * HOUR;
const communes = ['000.41.00.H40', '000.42.00.H40', '000.43.00.H40'];
const procedures: Array<[string, number]> = [['1.001193', 0], ['1.000894', 5], ['1.000656', 3], ['2.000815', 0], ['DEMO.009', 2], ['DEMO.015', 7], ['2.000720', 3]];
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const givens = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Thảo', 'Trang', 'Tuấn'];

const weekday = (ms: number) => ![0, 6].includes(new Date(ms + VN).getUTCDay());
/** `days` working days (weekends skipped) after `from`, at 17:00 local; 0 = the same day at 17:00. */
function workingDaysAfter(from: number, days: number): number {
  let d = from - ((from + VN) % DAY);
  for (let left = days; left > 0;) {
    d += DAY;
    if (weekday(d)) left--;
  }
  return d + 17 * HOUR;
}

/**
 * The instant itself when it is working time (08:00–12:00 and 13:00–17:00 on a weekday; the demo
 * ignores holidays), else the start of the next working period plus `offset` (under an hour): a
 * receipt is not made at 02:07 nor a result at 22:08.
 */
export function atWorkingTime(ms: number, offset = 0): number {
  let day = ms - ((ms + VN) % DAY);
  const local = ms - day;
  if (weekday(day)) {
    if ((local >= 8 * HOUR && local < 12 * HOUR) || (local >= 13 * HOUR && local < 17 * HOUR)) return ms;
    if (local < 8 * HOUR) return day + 8 * HOUR + offset;
    if (local < 13 * HOUR) return day + 13 * HOUR + offset;
  }
  do day += DAY; while (!weekday(day));
  return day + 8 * HOUR + offset;
}

/** An event after `previous`, in working time: its own instant moved into working hours, never before `previous`. */
const after = (at: number, previous: number) => atWorkingTime(Math.max(atWorkingTime(at, (Math.floor(at / 60_000) % 45) * 60_000), previous + 10 * 60_000));

export function* recentDemoLines(now: number, count = 1500): Generator<string> {
  const rand = random(Number(localDateOf(now).replaceAll('-', '')));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const today = now - ((now + VN) % DAY);
  const sequences = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    let day = today - Math.floor(1 + rand() * 120) * DAY;
    while (!weekday(day)) day -= DAY;
    // A working hour of the day (08:00 to 16:59 without the lunch break), local time.
    const hour = Math.floor(rand() * 8);
    const receivedAt = day + (hour < 4 ? 8 + hour : 9 + hour) * HOUR + Math.floor(rand() * 60) * 60_000;
    if (receivedAt >= now) continue;
    const agency = pick(communes);
    const [procedure, days] = pick(procedures);
    const dueAt = Math.max(workingDaysAfter(receivedAt, days), receivedAt + HOUR);
    const key = `${agency}-${formatInstant(receivedAt).slice(2, 10).replaceAll('-', '')}`;
    const seq = (sequences.get(key) ?? 8000) + 1;
    sequences.set(key, seq);
    const events: Array<Record<string, unknown>> = [];
    const r = rand();
    const span = Math.max(HOUR, dueAt - receivedAt);
    let last = receivedAt;
    if (r < 0.08) {
      const requested = after(receivedAt + HOUR, last);
      if (requested < now) {
        events.push({ type: 'supplement_requested', at: formatInstant(requested), reasons: ['Bổ sung bản sao giấy tờ tùy thân có chứng thực'] });
        last = requested;
        const supplied = after(receivedAt + 2 * DAY, last);
        if (supplied < now) {
          events.push({ type: 'supplement_received', at: formatInstant(supplied) });
          last = supplied;
        }
      }
    }
    // Older dossiers have a result: mostly ahead of time, some on the day, a few late.
    const drawn = r < 0.9 ? receivedAt + Math.floor(span * (0.2 + rand() * 0.7)) : r < 0.97 ? dueAt - 2 * HOUR : dueAt + Math.floor(1 + rand() * 3) * DAY;
    // A result comes after the supplement it waited for (else the history would go on after the return).
    const resultAt = after(r < 0.08 ? Math.max(drawn, receivedAt + 2 * DAY + HOUR) : drawn, last);
    if (resultAt < now - 2 * HOUR && !(r < 0.08 && events.length < 2)) {
      events.push({ type: 'resolved', at: formatInstant(resultAt) });
      const returnedAt = after(resultAt + DAY, resultAt);
      if (returnedAt < now) events.push({ type: 'returned', at: formatInstant(returnedAt) });
    }
    const male = rand() < 0.5;
    yield JSON.stringify({
      code: `${key}-${String(seq).padStart(4, '0')}`,
      procedure,
      agency,
      channel: rand() < 0.4 ? 'online' : rand() < 0.97 ? 'counter' : 'postal',
      applicant: {
        kind: 'citizen',
        name: `${pick(families)} ${male ? pick(['Văn', 'Đức', 'Minh', 'Quang']) : pick(['Thị', 'Thu', 'Ngọc', 'Thanh'])} ${pick(givens)}`,
        idNumber: `036${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        phone: `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      },
      receivedAt: formatInstant(receivedAt),
      dueAt: formatInstant(dueAt),
      digitized: rand() < 0.9,
      events,
    });
  }
  yield* demoCitizenLines(now);
}

/**
 * Dossiers of two demo citizens who sign in with the e-ID (demo/citizens.ts), so that "Hồ sơ của
 * tôi" has something to show: Nguyễn Văn An has a returned result to rate, a counter dossier
 * waiting for his supplement and one online in progress; Trần Thị Bình one at the counter in
 * progress and a result ready to rate. Codes use sequence numbers 7001… of their day.
 */
function* demoCitizenLines(now: number): Generator<string> {
  const today = now - ((now + VN) % DAY);
  /** 09:00 local on the weekday `days` calendar days before today (earlier when that is a weekend). */
  const ago = (days: number) => {
    let day = today - days * DAY;
    while (!weekday(day)) day -= DAY;
    return day + 9 * HOUR;
  };
  const an = { kind: 'citizen', name: 'Nguyễn Văn An', idNumber: '036090001234', phone: '0912345678' };
  const binh = { kind: 'citizen', name: 'Trần Thị Bình', idNumber: '036192005678', phone: '0987654321' };
  const dossiers: Array<{ applicant: object; agency: string; procedure: string; days: number; channel: string; receivedAt: number; events: Array<[string, number, object?]> }> = [
    { applicant: an, agency: communes[0]!, procedure: '1.000894', days: 5, channel: 'counter', receivedAt: ago(24), events: [['resolved', ago(20) + 5 * HOUR], ['returned', ago(18) + 2 * HOUR]] },
    {
      applicant: an, agency: communes[0]!, procedure: '1.000656', days: 3, channel: 'counter', receivedAt: ago(3),
      events: [['supplement_requested', ago(3) + 3 * HOUR, { reasons: ['Bổ sung bản sao Giấy khai sinh có chứng thực'], note: 'Gửi bản chụp rõ nét qua mục Hồ sơ của tôi hoặc nộp tại Bộ phận một cửa' }]],
    },
    { applicant: an, agency: communes[0]!, procedure: 'DEMO.015', days: 7, channel: 'online', receivedAt: ago(1), events: [] },
    { applicant: binh, agency: communes[0]!, procedure: '1.000894', days: 5, channel: 'counter', receivedAt: ago(2), events: [] },
    { applicant: binh, agency: communes[0]!, procedure: '1.000656', days: 3, channel: 'online', receivedAt: ago(30), events: [['resolved', ago(28) + 4 * HOUR]] },
  ];
  let seq = 7000;
  for (const d of dossiers) {
    const dueAt = workingDaysAfter(d.receivedAt, d.days);
    const events = d.events.map(([type, at, extra]) => [type, atWorkingTime(at), extra] as const)
      .filter(([, at]) => at < now).map(([type, at, extra]) => ({ type, at: formatInstant(at), ...extra }));
    yield JSON.stringify({
      code: `${d.agency}-${formatInstant(d.receivedAt).slice(2, 10).replaceAll('-', '')}-${++seq}`,
      procedure: d.procedure,
      agency: d.agency,
      channel: d.channel,
      applicant: d.applicant,
      receivedAt: formatInstant(d.receivedAt),
      dueAt: formatInstant(dueAt),
      digitized: true,
      events,
    });
  }
}
