import { describe, expect, it } from 'vitest';
import type { PlainDate } from '@motcua/domain';
import {
  agencyPath, buildAgencyTree, levelsOf, orderRows, reportRoot, shortAgencyName, treeSelectData, type StaffAgency,
} from '../../src/console/reports/agencyTree.ts';
import { chartColors, ratesOption, shareOption, trendOption } from '../../src/console/reports/chartOptions.ts';
import { formatAverage } from '../../src/console/reports/figures.ts';
import {
  calendarMonth, calendarQuarter, calendarYear, currentOfficialQuarter, officialPeriod, periodOfKindNear, periodOptions, recognizePeriod,
} from '../../src/console/reports/periods.ts';
import {
  dossierListQuery, downloadName, exportUrl, parseReportState, reportApiQuery, reportSearch, type ReportFilters,
} from '../../src/console/reports/reportQuery.ts';

const d = (s: string) => s as PlainDate;

describe('reporting periods', () => {
  it('runs official periods from the 15th of the month before (Decree 09/2019): "9 tháng 2023" is 15/12/2022–14/09/2023', () => {
    expect(officialPeriod(2023, 'm9')).toMatchObject({ from: '2022-12-15', to: '2023-09-14' });
    expect(officialPeriod(2023, 'q1')).toMatchObject({ from: '2022-12-15', to: '2023-03-14' });
    expect(officialPeriod(2023, 'q2')).toMatchObject({ from: '2023-03-15', to: '2023-06-14' });
    expect(officialPeriod(2023, 'q4')).toMatchObject({ from: '2023-09-15', to: '2023-12-14' });
    expect(officialPeriod(2023, 'h1')).toMatchObject({ from: '2022-12-15', to: '2023-06-14' });
    expect(officialPeriod(2023, 'year')).toMatchObject({ from: '2022-12-15', to: '2023-12-14' });
  });

  it('runs calendar periods along the months, leap years included', () => {
    expect(calendarMonth(2024, 2)).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(calendarQuarter(2023, 1)).toMatchObject({ from: '2023-01-01', to: '2023-03-31' });
    expect(calendarYear(2023)).toMatchObject({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('recognises a period from its dates, so a shared address shows the same choice', () => {
    expect(recognizePeriod({ from: d('2022-12-15'), to: d('2023-09-14') })?.id).toBe('official:2023:m9');
    expect(recognizePeriod({ from: d('2023-01-01'), to: d('2023-03-31') })?.id).toBe('quarter:2023:1');
    expect(recognizePeriod({ from: d('2023-03-01'), to: d('2023-03-31') })?.id).toBe('month:2023:3');
    expect(recognizePeriod({ from: d('2023-01-01'), to: d('2023-12-31') })?.id).toBe('year:2023');
    expect(recognizePeriod({ from: d('2023-02-01'), to: d('2023-02-20') })).toBeUndefined();
  });

  it('defaults to the official quarter that contains today, which moves to next year’s quarter 1 on 15 December', () => {
    expect(currentOfficialQuarter(d('2026-11-27'))).toMatchObject({ id: 'official:2026:q4', from: '2026-09-15', to: '2026-12-14' });
    expect(currentOfficialQuarter(d('2026-12-15'))).toMatchObject({ id: 'official:2027:q1', from: '2026-12-15', to: '2027-03-14' });
    expect(currentOfficialQuarter(d('2023-03-14'))).toMatchObject({ id: 'official:2023:q1' });
  });

  it('offers only periods that have started, the newest year first and each year in order', () => {
    const official = periodOptions('official', d('2026-11-27')).map((o) => o.id);
    expect(official.slice(0, 7)).toEqual([
      'official:2026:q1', 'official:2026:q2', 'official:2026:q3', 'official:2026:q4', 'official:2026:h1', 'official:2026:m9', 'official:2026:year',
    ]);
    expect(official).not.toContain('official:2027:q1');
    expect(official).toContain('official:2023:m9');
    expect(periodOptions('official', d('2026-12-20'))[0]?.id).toBe('official:2027:q1');
    const months = periodOptions('month', d('2026-11-27')).map((o) => o.id);
    expect(months.slice(0, 12)).toEqual(Array.from({ length: 11 }, (_, i) => `month:2026:${i + 1}`).concat('month:2025:1'));
  });

  it('keeps the end date’s month, quarter or year when the kind of period changes', () => {
    const nine = { from: d('2022-12-15'), to: d('2023-09-14') };
    expect(periodOfKindNear('month', nine, d('2026-11-27'))?.id).toBe('month:2023:9');
    expect(periodOfKindNear('quarter', nine, d('2026-11-27'))?.id).toBe('quarter:2023:3');
    expect(periodOfKindNear('year', nine, d('2026-11-27'))?.id).toBe('year:2023');
    expect(periodOfKindNear('official', { from: d('2023-01-01'), to: d('2023-03-31') }, d('2026-11-27'))?.id).toBe('official:2023:q2');
  });
});

describe('the dashboard’s address', () => {
  const today = d('2026-11-27');

  it('uses the current official quarter when the address has no readable period, and asks to rewrite it', () => {
    const bare = parseReportState(new URLSearchParams(''), today);
    expect(bare.canonical).toBe(false);
    expect(bare.filters).toMatchObject({ from: '2026-09-15', to: '2026-12-14', agency: '', channel: '' });
    expect(parseReportState(new URLSearchParams('from=2023-09-14&to=2022-12-15'), today).canonical).toBe(false);
    expect(parseReportState(new URLSearchParams('from=2023-02-30&to=2023-03-01'), today).canonical).toBe(false);
  });

  it('reads and writes the period, drill-down, filters and open list, ignoring unknown values', () => {
    const search = 'from=2022-12-15&to=2023-09-14&agency=000.00.12.H40&channel=online&field=H%E1%BB%99+t%E1%BB%8Bch&list=resolvedAhead&listAgency=000.31.12.H40&listPage=3';
    const state = parseReportState(new URLSearchParams(search), today);
    expect(state.canonical).toBe(true);
    expect(state.filters).toEqual({
      from: '2022-12-15', to: '2023-09-14', custom: false, agency: '000.00.12.H40', level: '', field: 'Hộ tịch', procedure: '', channel: 'online',
    });
    expect(state.list).toEqual({ key: 'resolvedAhead', agency: '000.31.12.H40', page: 3 });
    expect(parseReportState(new URLSearchParams(reportSearch(state)), today)).toEqual(state);
    const odd = parseReportState(new URLSearchParams('from=2023-01-01&to=2023-01-31&channel=fax&list=everything'), today);
    expect(odd.filters.channel).toBe('');
    expect(odd.list).toBeNull();
  });

  it('sends the API only the filters that are set, and the export links carry the same query', () => {
    const filters: ReportFilters = {
      from: d('2022-12-15'), to: d('2023-09-14'), custom: false, agency: '000.00.12.H40', level: '', field: '', procedure: '', channel: 'counter',
    };
    expect(reportApiQuery(filters)).toEqual({ from: '2022-12-15', to: '2023-09-14', agency: '000.00.12.H40', channel: 'counter' });
    expect(exportUrl(filters, 'xlsx')).toBe('/api/v1/reports/statistics.xlsx?from=2022-12-15&to=2023-09-14&agency=000.00.12.H40&channel=counter');
    expect(exportUrl(filters, 'pdf')).toBe('/api/v1/reports/statistics.pdf?from=2022-12-15&to=2023-09-14&agency=000.00.12.H40&channel=counter');
  });

  it('lists the dossiers of an agency’s own row (agencyOnly), and those of the total with the report’s own query', () => {
    const filters: ReportFilters = {
      from: d('2022-12-15'), to: d('2023-09-14'), custom: false, agency: '', level: '', field: '', procedure: '', channel: '',
    };
    expect(dossierListQuery(filters, { key: 'received', agency: '000.00.12.H40', page: 2 }))
      .toEqual({ from: '2022-12-15', to: '2023-09-14', key: 'received', limit: 20, offset: 20, agency: '000.00.12.H40', agencyOnly: 'true' });
    expect(dossierListQuery(filters, { key: 'inProgressOverdue', agency: '', page: 1 }))
      .toEqual({ from: '2022-12-15', to: '2023-09-14', key: 'inProgressOverdue', limit: 20, offset: 0 });
  });

  it('names a downloaded file as the server does, or after the period', () => {
    expect(downloadName('attachment; filename="bao-cao-2022-12-15-2023-09-14.xlsx"', 'x.xlsx')).toBe('bao-cao-2022-12-15-2023-09-14.xlsx');
    expect(downloadName(null, 'bao-cao.pdf')).toBe('bao-cao.pdf');
    // Both names given (RFC 6266): the UTF-8 one wins.
    expect(downloadName(`inline; filename="So theo doi.pdf"; filename*=UTF-8''${encodeURIComponent('Sổ theo dõi.pdf')}`, 'x.pdf')).toBe('Sổ theo dõi.pdf');
  });
});

const agency = (code: string, level: string, parentId: string | null, name: string, shortName: string | null = null): StaffAgency => ({
  id: `id-${code}`, code, name, shortName, level, parentId: parentId && `id-${parentId}`, validFrom: null, validTo: null,
});
const agencies: StaffAgency[] = [
  agency('000.33.12.H40', 'commune', '000.00.12.H40', 'Ủy ban nhân dân xã Giao Yến'),
  agency('000.00.00.H40', 'province', null, 'Ủy ban nhân dân tỉnh Ninh Bình', 'UBND tỉnh Ninh Bình'),
  agency('000.31.12.H40', 'commune', '000.00.12.H40', 'Ủy ban nhân dân xã Giao Thiện'),
  agency('000.20.00.H40', 'department', '000.00.00.H40', 'Sở Tư pháp tỉnh Ninh Bình', 'Sở Tư pháp'),
  agency('000.00.12.H40', 'district', '000.00.00.H40', 'Ủy ban nhân dân huyện Giao Thủy'),
  agency('000.41.00.H40', 'commune', '000.00.00.H40', 'Ủy ban nhân dân xã Giao Thủy'),
];

describe('the agency tree of the drill-down', () => {
  const tree = buildAgencyTree(agencies);

  it('puts the report’s rows in tree order, subordinates indented under their agency, and offers to drill only into agencies that have some', () => {
    const rows = ['000.31.12.H40', '000.00.00.H40', '000.33.12.H40', '000.00.12.H40', 'UNKNOWN'].map((code) => ({ agency: code }));
    expect(orderRows(rows, tree, '000.00.00.H40').map((r) => [r.row.agency, r.depth, r.drillable])).toEqual([
      ['000.00.00.H40', 0, false],
      ['000.00.12.H40', 1, true],
      ['000.31.12.H40', 2, false],
      ['000.33.12.H40', 2, false],
      ['UNKNOWN', 0, false],
    ]);
    expect(orderRows(rows.slice(0, 4), tree, '000.00.12.H40').map((r) => [r.row.agency, r.depth, r.drillable])).toEqual([
      ['000.00.12.H40', 0, false],
      ['000.31.12.H40', 1, false],
      ['000.33.12.H40', 1, false],
      // Outside the drilled subtree (the server would not send it; kept visible rather than lost).
      ['000.00.00.H40', 0, false],
    ]);
  });

  it('roots the report at the drilled agency, else at the single top of the caller’s scope', () => {
    expect(reportRoot(tree, '')?.code).toBe('000.00.00.H40');
    expect(reportRoot(tree, '000.00.12.H40')?.code).toBe('000.00.12.H40');
    expect(reportRoot(buildAgencyTree(agencies.filter((a) => a.level === 'commune')), '')).toBeUndefined();
  });

  it('gives the breadcrumb from the top of the scope down, and the tree select’s data', () => {
    expect(agencyPath(tree, '000.33.12.H40').map((n) => n.code)).toEqual(['000.00.00.H40', '000.00.12.H40', '000.33.12.H40']);
    expect(agencyPath(tree, 'nope')).toEqual([]);
    const data = treeSelectData(tree);
    expect(data).toHaveLength(1);
    expect(data[0]?.children?.map((c) => c.value)).toEqual(['000.20.00.H40', '000.00.12.H40', '000.41.00.H40']);
    expect(levelsOf(agencies)).toEqual(['province', 'department', 'district', 'commune']);
    // The label is the caller's: the report's filter adds the end the server gives (endedOn).
    const labelled = treeSelectData(tree, (a) => `${a.name}${a.code === '000.00.12.H40' ? ' (đã kết thúc 30/06/2025)' : ''}`);
    expect(labelled[0]?.children?.[1]?.label).toBe('Ủy ban nhân dân huyện Giao Thủy (đã kết thúc 30/06/2025)');
  });

  it('writes agency names the short way officials do, preferring the registered short name', () => {
    expect(shortAgencyName('Ủy ban nhân dân huyện Giao Thủy')).toBe('UBND huyện Giao Thủy');
    expect(shortAgencyName('Sở Tư pháp tỉnh Ninh Bình', 'Sở Tư pháp')).toBe('Sở Tư pháp');
    expect(shortAgencyName('Công an tỉnh Ninh Bình')).toBe('Công an tỉnh Ninh Bình');
  });
});

describe('the charts’ options', () => {
  const items = [
    { month: '2022-12', receivedInPeriod: 3215, online: 959, digitized: 3076, resolvedAhead: 2050, resolvedOnTime: 470, resolvedOverdue: 0, withdrawn: 0 },
    { month: '2023-01', receivedInPeriod: 6071, online: 1834, digitized: 5696, resolvedAhead: 4776, resolvedOnTime: 1410, resolvedOverdue: 3, withdrawn: 0 },
  ];

  it('draws the API’s monthly figures as sent, resolved stacked ahead (green) / on time (blue) / overdue (red)', () => {
    const option = trendOption(items, {
      received: 'Mới tiếp nhận', ahead: 'Trước hạn', onTime: 'Đúng hạn', overdue: 'Quá hạn',
      monthShort: (m) => `${m.slice(5)}/${m.slice(0, 4)}`, monthLong: (m) => `Tháng ${m.slice(5)}/${m.slice(0, 4)}`,
    });
    const series = option.series as Array<{ name: string; stack: string; data: number[]; itemStyle: { color: string } }>;
    expect(series.map((s) => [s.name, s.stack, s.data, s.itemStyle.color])).toEqual([
      ['Mới tiếp nhận', 'received', [3215, 6071], chartColors.received],
      ['Trước hạn', 'resolved', [2050, 4776], chartColors.ahead],
      ['Đúng hạn', 'resolved', [470, 1410], chartColors.onTime],
      ['Quá hạn', 'resolved', [0, 3], chartColors.overdue],
    ]);
    const axis = option.xAxis as { data: string[]; axisLabel: { formatter: (v: string) => string } };
    expect(axis.data).toEqual(['2022-12', '2023-01']);
    expect(axis.axisLabel.formatter('2023-01')).toBe('01/2023');
    const yAxis = option.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(yAxis.axisLabel.formatter(6000)).toBe('6.000');
  });

  it('shows the resolved counts in the ring’s legend and the API’s on-time rate in its middle', () => {
    const option = shareOption({ resolvedAhead: 3517, resolvedOnTime: 322, resolvedOverdue: 0, onTimeRate: 1 }, { ahead: 'Trước hạn', onTime: 'Đúng hạn', overdue: 'Quá hạn', center: 'đúng hạn' });
    const legend = option.legend as { formatter: (name: string) => string };
    expect(legend.formatter('Trước hạn')).toBe('Trước hạn: 3.517');
    expect((option.title as { text: string }).text).toBe('100%');
  });

  it('draws the rates by unit from the API’s fractions, the first unit on top, labelled 68,7%', () => {
    const option = ratesOption([
      { label: 'UBND huyện Giao Thủy', digitizationRate: 0.6874, onlineRate: 0.3015 },
      { label: 'UBND xã Giao Hương', digitizationRate: 0.9777, onlineRate: null },
    ], { digitizationRate: 'Tỷ lệ số hóa', onlineRate: 'Tỷ lệ trực tuyến' });
    expect((option.yAxis as { data: string[] }).data).toEqual(['UBND xã Giao Hương', 'UBND huyện Giao Thủy']);
    const series = option.series as Array<{ data: Array<number | null>; label: { formatter: (p: { value: unknown }) => string } }>;
    expect(series[0]?.data).toEqual([0.9777, 0.6874]);
    expect(series[1]?.data).toEqual([null, 0.3015]);
    expect(series[0]?.label.formatter({ value: 0.6874 })).toBe('68,7%');
    expect(series[1]?.label.formatter({ value: null })).toBe('—');
  });

  it('writes an average rating with a decimal comma', () => {
    expect(formatAverage(4.52)).toBe('4,52');
    expect(formatAverage(4)).toBe('4,0');
    expect(formatAverage(null)).toBe('—');
  });
});
