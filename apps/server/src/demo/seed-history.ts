/**
 * A deterministic history that reproduces the table the seed's district published for the first
 * nine months of 2023 (Giao Thủy, Nam Định; docs/rules/statistics.md), as import lines (docs/interfaces.md):
 *
 *   level     received  resolved  ahead   on time  overdue  digitized
 *   district     3.884     3.839   3.517      322        0      2.670 (68,7%)
 *   commune     47.219    47.149  35.998   11.151        0     46.166 (97,7%)
 *
 * over the official period 15/12/2022 – 14/09/2023, plus lines that must not count (closed before
 * the period, received after it, at the province, refused by the importer) and results ready early
 * in the morning of the appointment day, written in UTC, which are on time in Vietnam.
 */
import { seededRandom as random } from './random.ts';
export const seedPeriod = { from: '2022-12-15', to: '2023-09-14' } as const;

export interface SeedTarget {
  agencies: string[];
  received: number;
  ahead: number;
  onTime: number;
  digitized: number;
}

export const seedTargets: Record<'district' | 'commune', SeedTarget> = {
  district: { agencies: ['000.00.12.H40'], received: 3884, ahead: 3517, onTime: 322, digitized: 2670 },
  commune: { agencies: ['000.31.12.H40', '000.32.12.H40', '000.33.12.H40'], received: 47219, ahead: 35998, onTime: 11151, digitized: 46166 },
};

const procedures = ['1.001193', '1.000894', '1.000656', '2.000635', '2.000815', 'DEMO.009', '2.000720', 'DEMO.014'];
const names = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Vũ Đức Em', 'Đỗ Thị Giang', 'Bùi Quang Hải', 'Ngô Thị Hồng'];
const DAY = 86_400_000;
const HOUR = 3_600_000;
const VN = 7 * HOUR;

/** Local wall time in Vietnam → ISO with +07:00. */
const local = (ms: number) => new Date(ms + VN).toISOString().replace('Z', '+07:00').replace('.000', '');
const utc = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const localMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`) - VN;

export function* seedDatasetLines(options: { broken?: boolean } = {}): Generator<string> {
  const rnd = random(20230914);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const start = localMidnight(seedPeriod.from);
  const end = localMidnight('2023-09-15');
  let seq = 0;
  const weekday = (ms: number) => {
    const d = new Date(ms + VN).getUTCDay();
    return d !== 0 && d !== 6;
  };
  /** A receipt instant on a weekday between `from` and `to` (days after the period start), 08:00–15:59 local. */
  const receipt = (fromDay: number, toDay: number) => {
    for (;;) {
      const day = start + Math.floor(fromDay + rnd() * (toDay - fromDay)) * DAY;
      if (weekday(day)) return day + 8 * HOUR + Math.floor(rnd() * 8 * 60) * 60_000;
    }
  };
  const line = (agency: string, receivedAt: number, dueAt: number, digitized: boolean, events: unknown[], extra: Record<string, unknown> = {}) => {
    seq++;
    return JSON.stringify({
      procedure: pick(procedures),
      agency,
      channel: rnd() < 0.3 ? 'online' : rnd() < 0.97 ? 'counter' : 'postal',
      applicant: { kind: 'citizen', name: pick(names), idNumber: String(36_000_000_000 + seq).padStart(12, '0') },
      receivedAt: local(receivedAt),
      dueAt: local(dueAt),
      digitized,
      events,
      ...extra,
    });
  };
  const periodDays = Math.floor((end - start) / DAY);
  for (const target of Object.values(seedTargets)) {
    const inProgress = target.received - target.ahead - target.onTime;
    for (let i = 0; i < target.received; i++) {
      const agency = target.agencies[i % target.agencies.length]!;
      const digitized = i < target.digitized;
      if (i < target.ahead) {
        // Ready on an earlier day than the appointment.
        const receivedAt = receipt(0, periodDays - 12);
        const dueAt = receivedAt - ((receivedAt + VN) % DAY) + 7 * DAY + 17 * HOUR; // 17:00, 7 days later
        const resultAt = receivedAt + Math.floor(1 + rnd() * 5) * DAY;
        const events: unknown[] = [];
        if (i % 10 === 0) events.push({ type: 'supplement_requested', at: local(receivedAt + 2 * HOUR) }, { type: 'supplement_received', at: local(receivedAt + 20 * HOUR) });
        events.push({ type: 'resolved', at: local(resultAt) }, { type: 'returned', at: local(resultAt + 2 * HOUR) });
        yield line(agency, receivedAt, dueAt, digitized, events);
      } else if (i < target.ahead + target.onTime) {
        // Ready on the appointment day, not after the appointment instant.
        const receivedAt = receipt(0, periodDays - 12);
        const dueDay = receivedAt - ((receivedAt + VN) % DAY) + 5 * DAY;
        const dueAt = dueDay + 17 * HOUR;
        // Every third one is ready at 06:30 local, written in UTC (23:30Z the day before).
        const early = i % 3 === 0;
        const resultAt = early ? dueDay + 6 * HOUR + 30 * 60_000 : dueDay + 10 * HOUR;
        const events = [
          { type: 'resolved', at: early ? utc(resultAt) : local(resultAt) },
          ...(i % 4 === 0 ? [] : [{ type: 'returned', at: local(resultAt + 26 * HOUR) }]),
        ];
        yield line(agency, receivedAt, dueAt, digitized, events);
      } else {
        // Still in progress at the end of the period, appointment after it; resolved a week later.
        const receivedAt = receipt(periodDays - 4, periodDays);
        const dueAt = end + 10 * DAY + 17 * HOUR - VN;
        const later = end + 7 * DAY + 9 * HOUR;
        yield line(agency, receivedAt, dueAt, digitized, [
          ...(i % 2 ? [{ type: 'supplement_requested', at: local(receivedAt + HOUR) }, { type: 'supplement_received', at: local(later - DAY) }] : []),
          { type: 'resolved', at: local(later) },
          { type: 'returned', at: local(later + 3 * HOUR) },
        ]);
      }
      void inProgress;
    }
  }
  // Lines that must not change the figures.
  for (let i = 0; i < 300; i++) {
    const agency = pick([...seedTargets.district.agencies, ...seedTargets.commune.agencies]);
    if (i % 3 === 0) {
      // Received and resolved before the period.
      const receivedAt = localMidnight('2022-11-01') + 9 * HOUR + i * HOUR;
      yield line(agency, receivedAt, receivedAt + 5 * DAY, true, [{ type: 'resolved', at: local(receivedAt + 2 * DAY) }]);
    } else if (i % 3 === 1) {
      // Received after the period (and resolved soon after).
      const receivedAt = localMidnight('2023-09-15') + 9 * HOUR + i * 60_000;
      yield line(agency, receivedAt, receivedAt + 5 * DAY, true, [{ type: 'resolved', at: local(receivedAt + 3 * DAY) }]);
    } else {
      // Received by the province, not a district or a commune.
      const receivedAt = start + 30 * DAY + 9 * HOUR;
      yield line('000.00.00.H40', receivedAt, receivedAt + 5 * DAY, false, [{ type: 'resolved', at: local(receivedAt + DAY) }]);
    }
  }
  if (options.broken === false) return;
  // Broken lines: reported and skipped, never counted.
  yield '{"procedure": "1.001193", "agency": "000.00.12.H40", "channel": "counter"';
  yield JSON.stringify({ procedure: '1.001193', agency: '000.00.12.H40', channel: 'counter', applicant: { kind: 'citizen', name: 'A' }, receivedAt: '2023-03-01T09:00:00', dueAt: '2023-03-08T17:00:00+07:00', digitized: true, events: [] });
  yield JSON.stringify({ procedure: '9.999999', agency: '000.00.12.H40', channel: 'counter', applicant: { kind: 'citizen', name: 'A' }, receivedAt: '2023-03-01T09:00:00+07:00', dueAt: '2023-03-08T17:00:00+07:00', digitized: true, events: [] });
  yield JSON.stringify({ procedure: '1.001193', agency: 'NOWHERE', channel: 'counter', applicant: { kind: 'citizen', name: 'A' }, receivedAt: '2023-03-01T09:00:00+07:00', dueAt: '2023-03-08T17:00:00+07:00', digitized: true, events: [] });
  yield JSON.stringify({ procedure: '1.001193', agency: '000.00.12.H40', channel: 'counter', applicant: { kind: 'citizen', name: 'A' }, receivedAt: '2023-03-01T09:00:00+07:00', dueAt: '2023-02-28T17:00:00+07:00', digitized: true, events: [] });
  yield JSON.stringify({ procedure: '1.001193', agency: '000.00.12.H40', channel: 'counter', applicant: { kind: 'citizen', name: 'A' }, receivedAt: '2023-03-01T09:00:00+07:00', dueAt: '2023-03-08T17:00:00+07:00', digitized: true, events: [{ type: 'resolved', at: '2023-02-27T09:00:00+07:00' }] });
  yield JSON.stringify({ agency: '000.00.12.H40', channel: 'counter', applicant: { kind: 'citizen', name: 'A' }, receivedAt: '2023-03-01T09:00:00+07:00', dueAt: '2023-03-08T17:00:00+07:00', digitized: true, events: [] });
}

/** The broken lines above, by reason, for the test to check the importer's report. */
export const seedBrokenReasons = [
  /not valid JSON/, /receivedAt: an ISO 8601 instant with an offset/, /unknown procedure "9\.999999"/, /unknown agency "NOWHERE"/,
  /dueAt is before receivedAt/, /events\.0 \(resolved\) is before receivedAt/, /missing required field procedure/,
];
