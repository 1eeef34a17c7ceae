/**
 * Statistics reports as the API returns them. `seedReport` carries the figures the seed's district
 * published for the first nine months of 2023 (district 3.884 received, 2.670 digitized = 68,7%;
 * three communes together 47.219); `largeReport(n)` is a province-sized report whose every key
 * differs from every other in each row, so that a column printed under the wrong heading shows.
 */
import { addCounts, emptyCounts, rate, ratingFigures, statisticsKeys, withRates, type Counts, type PlainDate } from '@motcua/domain';
import type { ReportRow, StatisticsReport } from '../../../src/modules/reports/reports.usecases.ts';
import { seededRandom as random } from '../../../src/demo/random.ts';

type Beside = Pick<ReportRow, 'refused' | 'reused' | 'reuseRate' | 'ratings'>;

/** `reuseRate` is filled in by `row` and `report`, from the counts it divides by. */
function beside(refused: number, scores: [number, number, number, number, number], reused = 0): Beside {
  return { refused, reused, reuseRate: null, ratings: ratingFigures(scores, undefined) };
}

/** Counts from the handful of figures that determine them; the identities of the report (docs/rules/statistics.md) hold by construction. */
export function counts(c: {
  carriedOver: number; online: number; counter: number; postal: number;
  ahead: number; onTime: number; overdue: number; withdrawn: number; inProgressOverdue: number; digitized: number;
}): Counts {
  const receivedInPeriod = c.online + c.counter + c.postal;
  const received = c.carriedOver + receivedInPeriod;
  const resolved = c.ahead + c.onTime + c.overdue;
  const inProgress = received - resolved - c.withdrawn;
  return {
    received, carriedOver: c.carriedOver, receivedInPeriod, online: c.online, counter: c.counter, postal: c.postal,
    resolved, resolvedAhead: c.ahead, resolvedOnTime: c.onTime, resolvedOverdue: c.overdue, withdrawn: c.withdrawn,
    inProgress, inProgressOnTime: inProgress - c.inProgressOverdue, inProgressOverdue: c.inProgressOverdue, digitized: c.digitized,
  };
}

function report(rows: ReportRow[], filters: Partial<StatisticsReport['filters']> = {}, period = { from: '2022-12-15', to: '2023-09-14' }): StatisticsReport {
  const total = rows.reduce<Counts>((acc, r) => addCounts(acc, r), emptyCounts());
  const scores = rows.reduce(
    (acc, r) => acc.map((v, i) => v + r.ratings.byScore[String(i + 1) as '1']) as [number, number, number, number, number],
    [0, 0, 0, 0, 0] as [number, number, number, number, number],
  );
  return {
    period: { from: period.from as PlainDate, to: period.to as PlainDate },
    filters: { agency: null, level: null, field: null, procedure: null, channel: null, ...filters },
    generatedAt: '2023-09-15T08:30:00+07:00',
    total: {
      ...withRates(total),
      ...beside(rows.reduce((a, r) => a + r.refused, 0), scores),
      reused: rows.reduce((a, r) => a + r.reused, 0),
      reuseRate: rate(rows.reduce((a, r) => a + r.reused, 0), total.receivedInPeriod),
    },
    rows,
  };
}

const row = (agency: string, agencyName: string, level: string, c: Counts, b: Beside): ReportRow =>
  ({ agency, agencyName, level, ...withRates(c), ...b, reuseRate: rate(b.reused, c.receivedInPeriod) });

export const district = row(
  '000.00.12.H40', 'Ủy ban nhân dân huyện Giao Thủy', 'district',
  counts({ carriedOver: 0, online: 1165, counter: 2603, postal: 116, ahead: 3517, onTime: 322, overdue: 0, withdrawn: 0, inProgressOverdue: 4, digitized: 2670 }),
  beside(12, [1, 2, 9, 140, 512], 57),
);

export const communes: ReportRow[] = [
  row('000.31.12.H40', 'Ủy ban nhân dân xã Giao Thiện', 'commune',
    counts({ carriedOver: 0, online: 4862, counter: 11246, postal: 97, ahead: 12390, onTime: 3790, overdue: 0, withdrawn: 0, inProgressOverdue: 3, digitized: 15843 }),
    beside(31, [0, 4, 22, 301, 1288], 412)),
  row('000.32.12.H40', 'Ủy ban nhân dân xã Giao Hương', 'commune',
    counts({ carriedOver: 0, online: 4410, counter: 11379, postal: 88, ahead: 12102, onTime: 3751, overdue: 0, withdrawn: 0, inProgressOverdue: 0, digitized: 15521 }),
    beside(18, [2, 3, 17, 288, 1190], 380)),
  row('000.33.12.H40', 'Ủy ban nhân dân xã Giao Yến', 'commune',
    counts({ carriedOver: 0, online: 5021, counter: 10052, postal: 64, ahead: 11506, onTime: 3610, overdue: 0, withdrawn: 0, inProgressOverdue: 1, digitized: 14802 }),
    beside(9, [0, 0, 0, 0, 0])),
];

/** The district subtree for the nine months of 2023: the district and its three communes. */
export const seedReport: StatisticsReport = report([district, ...communes], { agency: '000.00.12.H40' });

/** The communes only (`--level commune`): 47.219 received, 46.166 digitized (97,8%). */
export const communeReport: StatisticsReport = report(communes, { level: 'commune' });

const places = ['Hải Hậu', 'Nghĩa Hưng', 'Xuân Trường', 'Trực Ninh', 'Ý Yên', 'Vụ Bản', 'Mỹ Lộc', 'Nam Trực', 'Kim Sơn', 'Yên Khánh', 'Gia Viễn', 'Nho Quan'];
const communeNames = ['Quỳnh Lưu', 'Đồng Thịnh', 'Hồng Phong', 'Phúc Thắng', 'Thượng Kiệm', 'Nghĩa Đồng', 'Xuân Hồng', 'Trực Đại', 'Yên Thắng', 'Hải Đường'];

/**
 * `n` agencies of a province with distinct figures in every key (none equals another in its row,
 * apart from the rare coincidence), a few with no dossier received in the period (rates `null`),
 * and some long names that wrap.
 */
export function largeReport(n: number): StatisticsReport {
  const rnd = random(20_250_701 + n);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const rows: ReportRow[] = [];
  for (let i = 0; i < n; i++) {
    const empty = i % 17 === 16;
    const carriedOver = int(20, 400);
    const online = empty ? 0 : int(300, 9000);
    const counter = empty ? 0 : int(500, 12_000);
    const postal = empty ? 0 : int(1, 150);
    const received = carriedOver + online + counter + postal;
    const resolved = Math.floor(received * (0.85 + rnd() * 0.12));
    const open = received - resolved; // withdrawn + in progress, at least 1
    const withdrawn = int(1, Math.min(30, open - 1));
    const overdue = int(1, Math.max(2, Math.floor(resolved * 0.06)));
    const onTime = int(Math.floor(resolved * 0.1), Math.floor(resolved * 0.35));
    const full = counts({
      carriedOver, online, counter, postal, ahead: resolved - onTime - overdue, onTime, overdue, withdrawn,
      inProgressOverdue: Math.min(int(1, 8), open - withdrawn),
      digitized: empty ? 0 : Math.floor((online + counter + postal) * (0.4 + rnd() * 0.59)),
    });
    const place = places[i % places.length]!;
    const name = i === 0
      ? 'Trung tâm Phục vụ hành chính công tỉnh Nam Định (Bộ phận Một cửa liên thông cấp tỉnh)'
      : i % 6 === 0 ? `Ủy ban nhân dân huyện ${place}` : `Ủy ban nhân dân xã ${communeNames[i % communeNames.length]}, huyện ${place}`;
    rows.push(row(`000.${String(10 + (i % 90)).padStart(2, '0')}.${String(i).padStart(2, '0')}.H40`, name, i === 0 ? 'province' : i % 6 === 0 ? 'district' : 'commune',
      full, beside(int(0, 60), [int(0, 5), int(0, 9), int(0, 40), int(50, 400), int(200, 1500)], empty ? 0 : int(1, 300))));
  }
  return report(rows, { level: null, field: 'Hộ tịch', channel: null }, { from: '2023-01-01', to: '2023-12-31' });
}

/** Every count key: the columns of the official table that hold a number of dossiers. */
export const countKeys = statisticsKeys;
