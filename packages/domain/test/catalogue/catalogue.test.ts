import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  budgetMinutes, canonicalVersionContent, catalogueChanges, defaultWorkflow, feeFor, formatProcessingTime, parseProcedureBundleEntry,
  planCatalogueChange, procedureContentOf, validateProcedure, versionInForce, type CatalogueVersionLike, type LegalProcessingTime,
  type EFormDefinition, type ProcedureDefinitionInput, type ProcedureEntryInput, type VersionHead,
} from '../../src/index.ts';

const marriage: ProcedureDefinitionInput = {
  code: '1.000894',
  name: 'Đăng ký kết hôn',
  field: 'Hộ tịch',
  levels: ['commune'],
  processingTime: { value: 5, unit: 'working_days' },
  fee: { amount: 0, currency: 'VND' },
  components: [{ name: 'Tờ khai đăng ký kết hôn', kind: 'original', count: 1, required: true }],
  fullyOnline: false,
  legalBasis: 'Luật Hộ tịch 2014, Điều 18',
};

const steps = (...hours: number[]) =>
  hours.map((h, i) => ({ key: `s${i}`, name: `Bước ${i + 1}`, role: 'specialist' as const, budget: { value: h, unit: 'working_hours' as const } }));

/** Decree 297/2025/NĐ-CP art. 6: household business 3 + security certificate 3 + karaoke licence 10 = 16 working days. */
const karaoke: ProcedureDefinitionInput = {
  ...marriage,
  code: 'DEMO.KARAOKE',
  name: 'Đăng ký hộ kinh doanh và cấp giấy phép kinh doanh karaoke',
  processingTime: { value: 16, unit: 'working_days' },
  interAgency: [
    { agency: 'commune', name: 'Đăng ký hộ kinh doanh', share: { value: 3, unit: 'working_days' } },
    { agency: 'police', name: 'Giấy chứng nhận đủ điều kiện về an ninh, trật tự', share: { value: 3, unit: 'working_days' } },
    { agency: 'province', name: 'Giấy phép kinh doanh dịch vụ karaoke', share: { value: 10, unit: 'working_days' } },
  ],
};

const context = { levels: new Set(['province', 'commune', 'police']), agencyCodes: new Set(['000.41.00.H40', '000.22.00.H40']), procedureCodes: new Set(['1.000894', 'NEW.1']) };

describe('validating a procedure entry', () => {
  const cases: Array<[string, ProcedureEntryInput, Array<{ path: string; message: string }>]> = [
    ['accepts a plain entry without a workflow', marriage, []],
    ['accepts budgets that add up to the legal time in working hours', { ...marriage, workflow: steps(4, 24, 8, 4) }, []],
    ['accepts budgets mixing working days and working hours', {
      ...marriage,
      workflow: [...steps(4, 4), { key: 'x', name: 'Thẩm định', role: 'specialist', budget: { value: 4, unit: 'working_days' } }],
    }, []],
    ['refuses budgets that do not add up to the legal time', { ...marriage, workflow: steps(4, 20, 8, 4) }, [
      { path: 'workflow', message: 'budgets add up to 36 working hours, legal time is 5 working days = 40 working hours' },
    ]],
    ['refuses budgets in days for a procedure counted in working days', {
      ...marriage, workflow: [...steps(36), { key: 'x', name: 'Trả', role: 'officer', budget: { value: 1, unit: 'days' } }],
    }, [{ path: 'workflow[1].budget.unit', message: 'a procedure counted in working_days takes step budgets in working_days or working_hours, not days' }]],
    ['refuses working budgets for a procedure counted in days', {
      ...marriage, processingTime: { value: 15, unit: 'days' }, workflow: steps(120),
    }, [{ path: 'workflow[0].budget.unit', message: 'a procedure counted in days takes step budgets in days, not working_hours' }]],
    ['lets same-day budgets stay within one working day', { ...marriage, processingTime: { value: 0, unit: 'same_day', cutoff: '15:00' }, workflow: steps(1, 0.5, 0.5) }, []],
    ['refuses same-day budgets over eight working hours', { ...marriage, processingTime: { value: 0, unit: 'same_day' }, workflow: steps(4, 4, 1) }, [
      { path: 'workflow', message: 'budgets add up to 9 working hours; a same-day procedure allows at most 8 working hours' },
    ]],
    ['refuses a same-day value other than 0 and a cut-off on other units', { ...marriage, processingTime: { value: 1, unit: 'same_day' } }, [
      { path: 'processingTime.value', message: 'a same-day procedure has value 0 (the cut-off decides the due time)' },
    ]],
    ['refuses a cut-off on a procedure counted in working days', { ...marriage, processingTime: { value: 5, unit: 'working_days', cutoff: '15:00' } }, [
      { path: 'processingTime.cutoff', message: 'a cut-off applies only to unit "same_day"' },
    ]],
    ['refuses fractional days (Civil Code art. 147)', { ...marriage, processingTime: { value: 1.5, unit: 'days' } }, [
      { path: 'processingTime.value', message: 'a time in days is a whole number of days' },
    ]],
    ['refuses unknown levels and agencies', { ...marriage, levels: ['commune', 'district'], agencies: ['000.99.00.H40'] }, [
      { path: 'levels[1]', message: 'unknown agency level "district" (known: commune, police, province)' },
      { path: 'agencies[0]', message: 'unknown agency code "000.99.00.H40"' },
    ]],
    ['refuses an online fee above the counter fee', { ...marriage, fee: { amount: 50_000, onlineAmount: 60_000 } }, [
      { path: 'fee.onlineAmount', message: 'the online fee 60000 is higher than the fee 50000' },
    ]],
    ['refuses a fee table with a repeated label', { ...marriage, fee: { table: [{ label: 'Mỗi bản', amount: 2000 }, { label: 'Mỗi bản', amount: 1000 }] } }, [
      { path: 'fee.table[1].label', message: 'label "Mỗi bản" is listed twice' },
    ]],
    ['refuses a repeated step key and an end date on an active entry', { ...marriage, validTo: '2026-01-01', workflow: [...steps(20), ...steps(20)] }, [
      { path: 'validTo', message: 'an active procedure has no end date: end it with an entry of status "abolished" or "replaced"' },
      { path: 'workflow[1].key', message: 'step key "s0" is used twice' },
    ]],
    ['accepts the Decree 297/2025 chain of 3 + 3 + 10 working days', karaoke, []],
    ['refuses shares that do not add up to the legal time', { ...karaoke, processingTime: { value: 15, unit: 'working_days' } }, [
      { path: 'interAgency', message: 'shares add up to 128 working hours, legal time is 15 working days = 120 working hours' },
    ]],
    ['refuses an unknown agency in the chain', {
      ...karaoke, interAgency: karaoke.interAgency!.map((p, i) => (i === 1 ? { ...p, agency: 'ministry' } : p)),
    }, [{ path: 'interAgency[1].agency', message: 'unknown agency level or agency code "ministry"' }]],
    ['refuses steps of a participant that do not fill its share', {
      ...karaoke,
      workflow: [
        { key: 'a', name: 'Xã', role: 'specialist', participant: 0, budget: { value: 3, unit: 'working_days' } },
        { key: 'b', name: 'Công an', role: 'specialist', participant: 1, budget: { value: 2, unit: 'working_days' } },
        { key: 'c', name: 'Tỉnh', role: 'leader', participant: 2, budget: { value: 11, unit: 'working_days' } },
      ],
    }, [
      { path: 'workflow', message: 'steps of participant 1 (Giấy chứng nhận đủ điều kiện về an ninh, trật tự) add up to 16 working hours, its share is 3 working days = 24 working hours' },
      { path: 'workflow', message: 'steps of participant 2 (Giấy phép kinh doanh dịch vụ karaoke) add up to 88 working hours, its share is 10 working days = 80 working hours' },
    ]],
    ['refuses a step of a participant that does not exist', { ...marriage, workflow: [{ ...steps(40)[0]!, participant: 2 }] }, [
      { path: 'workflow[0].participant', message: 'participant 2 does not exist: the procedure is not inter-agency' },
    ]],
    ['needs a date to abolish', { code: '1.000894', status: 'abolished' }, [
      { path: 'validTo', message: 'a procedure that is abolished needs validTo (its last day in force) or validFrom (the first day it no longer applies)' },
    ]],
    ['needs a known replacement', { code: '1.000894', status: 'replaced', replacedBy: 'NOPE', validFrom: '2026-03-01' }, [
      { path: 'replacedBy', message: 'unknown procedure "NOPE"' },
    ]],
    ['refuses inconsistent end dates', { code: '1.000894', status: 'abolished', validFrom: '2026-03-01', validTo: '2026-03-01' }, [
      { path: 'validTo', message: 'validTo 2026-03-01 must be the day before validFrom 2026-03-01; give only one of them' },
    ]],
  ];
  it.each(cases)('%s', (_name, entry, expected) => {
    expect(validateProcedure(entry, context).map(({ path, message }) => ({ path, message }))).toEqual(expected);
  });

  it('keeps each issue’s path as segments, for locating it in a file', () => {
    const [issue] = validateProcedure({ ...marriage, workflow: [...steps(36), { key: 'x', name: 'x', role: 'officer', budget: { value: 1, unit: 'days' } }] });
    expect(issue!.at).toEqual(['workflow', 1, 'budget', 'unit']);
  });

  it('accepts every procedure of the demo catalogue, with the e-forms it names', () => {
    const demo = path.resolve(import.meta.dirname, '../../../../bundles/demo');
    const forms = new Map((JSON.parse(fs.readFileSync(path.join(demo, 'eforms.json'), 'utf8')) as EFormDefinition[]).map((f) => [f.id, f]));
    const entries = JSON.parse(fs.readFileSync(path.join(demo, 'procedures.json'), 'utf8')) as Array<Omit<ProcedureDefinitionInput, 'declaration'> & { declaration?: string }>;
    for (const { declaration, ...entry } of entries) {
      const form = declaration === undefined ? undefined : forms.get(declaration);
      if (declaration !== undefined) expect(form, `${entry.code}: e-form ${declaration}`).toBeDefined();
      expect(validateProcedure({ ...entry, ...(form ? { declaration: form } : {}) }, context), entry.code).toEqual([]);
    }
  });
});

describe('the default workflow', () => {
  const times: Array<[LegalProcessingTime, string[]]> = [
    [{ value: 5, unit: 'working_days' }, ['4 giờ làm việc', '3 ngày làm việc', '1 ngày làm việc', '4 giờ làm việc']],
    [{ value: 1, unit: 'working_days' }, ['1 giờ làm việc', '5 giờ làm việc', '1 giờ làm việc', '1 giờ làm việc']],
    [{ value: 20, unit: 'working_days' }, ['1 ngày làm việc', '14 ngày làm việc', '4 ngày làm việc', '1 ngày làm việc']],
    [{ value: 3, unit: 'working_hours' }, ['15 phút làm việc', '2 giờ làm việc', '30 phút làm việc', '15 phút làm việc']],
    [{ value: 15, unit: 'days' }, ['1 ngày theo lịch', '10 ngày theo lịch', '3 ngày theo lịch', '1 ngày theo lịch']],
    [{ value: 2, unit: 'days' }, ['0,25 ngày theo lịch', '1,25 ngày theo lịch', '0,25 ngày theo lịch', '0,25 ngày theo lịch']],
    [{ value: 0, unit: 'same_day', cutoff: '15:00' }, ['15 phút làm việc', '1 giờ 15 phút làm việc', '15 phút làm việc', '15 phút làm việc']],
  ];
  it.each(times)('splits %j into intake, appraisal, approval and return that add up exactly', (time, texts) => {
    const workflow = defaultWorkflow(time);
    expect(workflow.map((s) => [s.key, s.role])).toEqual([['intake', 'officer'], ['appraisal', 'specialist'], ['approval', 'leader'], ['return', 'officer']]);
    expect(workflow.map((s) => formatProcessingTime(s.budget).vi)).toEqual(texts);
    expect(formatProcessingTime({ value: 1.25, unit: 'working_hours' }).en).toBe('1 h 15 min of working time');
    expect(validateProcedure({ ...marriage, processingTime: time, workflow })).toEqual([]);
  });

  it('gives each agency of a chain its own steps within its share, the receiving agency first and last', () => {
    const workflow = defaultWorkflow(karaoke.processingTime, karaoke.interAgency);
    expect(workflow.map((s) => `${s.participant}:${s.key}`)).toEqual([
      '0:intake', '0:appraisal', '0:approval', '1:p1_intake', '1:p1_appraisal', '1:p1_approval',
      '2:p2_intake', '2:p2_appraisal', '2:p2_approval', '0:return',
    ]);
    expect(workflow.filter((s) => s.participant === 2).reduce((h, s) => h + budgetMinutes(s.budget) / 60, 0)).toBe(80);
    expect(validateProcedure({ ...karaoke, workflow }, context)).toEqual([]);
  });
});

describe('fees by channel', () => {
  const cases: Array<[string, ProcedureDefinitionInput['fee'], 'counter' | 'online', string | undefined, number | null, boolean]> = [
    ['no fee given is free', undefined, 'counter', undefined, 0, false],
    ['a zero amount is free', { amount: 0, currency: 'VND' }, 'online', undefined, 0, false],
    ['a fixed fee at the counter', { amount: 100_000, onlineAmount: 50_000 }, 'counter', undefined, 100_000, false],
    ['a reduced fee online', { amount: 100_000, onlineAmount: 50_000 }, 'online', undefined, 50_000, true],
    ['a fixed fee without an online amount costs the same online', { amount: 8000 }, 'online', undefined, 8000, false],
    ['a table row chosen by label', { table: [{ label: 'Trang 1–2', amount: 2000 }, { label: 'Từ trang 3', amount: 1000, onlineAmount: 500 }] }, 'online', 'Từ trang 3', 500, true],
    ['a table without a row chosen has no amount yet', { table: [{ label: 'Trang 1–2', amount: 2000 }] }, 'counter', undefined, null, false],
  ];
  it.each(cases)('%s', (_name, fee, channel, label, amount, reduced) => {
    const quote = feeFor(procedureContentOf({ ...marriage, fee }), channel, label);
    expect(quote.amount).toBe(amount);
    expect(quote.reducedOnline).toBe(reduced);
  });
});

describe('the canonical content of a version', () => {
  const base = procedureContentOf(marriage);
  it('does not depend on key order or on the order of levels', () => {
    const reordered = procedureContentOf({ ...marriage, levels: ['province', 'commune'] });
    const other = procedureContentOf({ ...marriage, levels: ['commune', 'province'] });
    expect(canonicalVersionContent(reordered)).toBe(canonicalVersionContent(other));
    const shuffled = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    expect(canonicalVersionContent(shuffled)).toBe(canonicalVersionContent(base));
  });
  it('changes when a rule changes, including the order of components', () => {
    const two = procedureContentOf({ ...marriage, components: [...marriage.components, { name: 'Giấy xác nhận', kind: 'original', count: 1, required: false }] });
    const swapped = { ...two, components: [...two.components].reverse() };
    expect(canonicalVersionContent(two)).not.toBe(canonicalVersionContent(base));
    expect(canonicalVersionContent(swapped)).not.toBe(canonicalVersionContent(two));
    expect(canonicalVersionContent({ ...base, processingTime: { value: 4, unit: 'working_days' } })).not.toBe(canonicalVersionContent(base));
  });
  it('keeps the hash of a version whose components name no kind of paper, and changes it when one is named', () => {
    const tagged = procedureContentOf({
      ...marriage, components: marriage.components.map((c) => ({ ...c, documentType: 'cccd' as const })), resultDocumentType: 'giay-chung-nhan-ket-hon',
    });
    const untagged = procedureContentOf({ ...marriage, components: marriage.components.map((c) => ({ ...c, documentType: undefined })) });
    expect(canonicalVersionContent(untagged)).toBe(canonicalVersionContent(base));
    expect(canonicalVersionContent(tagged)).not.toBe(canonicalVersionContent(base));
    expect(tagged.components[0]!.documentType).toBe('cccd');
    expect(tagged.resultDocumentType).toBe('giay-chung-nhan-ket-hon');
  });
  it('keeps the hash of a version without public catalogue details, and stores the ones given in a fixed order', () => {
    expect(procedureContentOf(marriage)).not.toHaveProperty('details');
    const detailed = procedureContentOf({
      ...marriage, implementingAgency: 'Ủy ban nhân dân cấp xã', conditions: [], channels: ['online', 'postal', 'in_person'],
      legalDocuments: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' }],
    });
    expect(detailed.details).toEqual({
      implementingAgency: 'Ủy ban nhân dân cấp xã', conditions: [], channels: ['in_person', 'postal', 'online'],
      legalDocuments: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' }],
    });
    expect(canonicalVersionContent(detailed)).not.toBe(canonicalVersionContent(base));
    // No condition stated differs from "no conditions".
    expect(canonicalVersionContent(procedureContentOf({ ...marriage, conditions: [] }))).not.toBe(canonicalVersionContent(base));
  });
  it('refuses channels without online, a channel twice, and a legal text without a real date', () => {
    const issues = validateProcedure({
      ...marriage, channels: ['in_person', 'in_person'], legalDocuments: [{ number: '1/2020/QH14', title: 'Luật', issuedOn: '2020-02-30', issuer: 'Quốc hội' }],
    }).map((i) => i.path);
    expect(issues).toEqual(['channels', 'channels[1]', 'legalDocuments[0].issuedOn']);
    expect(validateProcedure({ ...marriage, channels: ['postal', 'online'] })).toEqual([]);
  });
  it('makes the defaults explicit, so leaving out a default changes nothing', () => {
    const explicit = procedureContentOf({ ...marriage, restartAfterSupplement: false, workflow: defaultWorkflow(marriage.processingTime) });
    expect(canonicalVersionContent(explicit)).toBe(canonicalVersionContent(base));
  });
});

describe('versions over time', () => {
  const history = [
    { version: 1, validFrom: null, validTo: '2026-02-28', status: 'amended' as const },
    { version: 2, validFrom: '2026-03-01', validTo: '2026-06-30', status: 'abolished' as const },
  ];
  it.each([
    ['2020-01-01', 1], ['2026-02-28', 1], ['2026-03-01', 2], ['2026-06-30', 2], ['2026-07-01', undefined],
  ] as const)('on %s the version in force is %s', (date, expected) => {
    expect(versionInForce(history, date)?.version).toBe(expected);
  });

  const head = (over: Partial<VersionHead> = {}): VersionHead => ({
    version: 1, validFrom: '2025-07-01', validTo: null, status: 'active', contentHash: 'h1', replacedBy: null, ...over,
  });
  const definition = (validFrom: string | null = null) => ({
    kind: 'definition' as const, code: 'X', content: procedureContentOf(marriage), validFrom, changeNote: null,
  });
  const end = (status: 'abolished' | 'replaced', lastDay: string, replacedBy: string | null = null) => ({
    kind: 'end' as const, code: 'X', status, replacedBy, lastDay, changeNote: null,
  });
  const today = '2026-03-10';
  it.each([
    ['creates a first version', undefined, definition(), 'h1', { action: 'create', version: 1, validFrom: null }],
    ['leaves the same content unchanged', head(), definition('2025-07-01'), 'h1', { action: 'unchanged' }],
    ['amends from the given date and ends the previous version the day before', head(), definition('2026-04-01'), 'h2',
      { action: 'amend', version: 2, validFrom: '2026-04-01', previous: { version: 1, validTo: '2026-03-31' } }],
    ['amends from today when no date is given', head(), definition(), 'h2',
      { action: 'amend', version: 2, validFrom: today, previous: { version: 1, validTo: '2026-03-09' } }],
    ['refuses a change dated no later than the current version', head(), definition('2025-07-01'), 'h2',
      { action: 'refuse', issue: expect.objectContaining({ path: 'validFrom', message: 'validFrom 2025-07-01 must be after 2025-07-01, when the current version 1 took effect' }) }],
    ['abolishes the current version', head(), end('abolished', '2026-06-30'), null,
      { action: 'end', status: 'abolished', version: 1, validTo: '2026-06-30', replacedBy: null }],
    ['abolishes only once', head({ status: 'abolished', validTo: '2026-06-30' }), end('abolished', '2026-06-30'), null, { action: 'unchanged' }],
    ['refuses to abolish again from another date', head({ status: 'abolished', validTo: '2026-06-30' }), end('abolished', '2026-07-31'), null,
      { action: 'refuse', issue: expect.objectContaining({ path: 'status', message: 'procedure "X" is already abolished from 2026-07-01 (last day in force 2026-06-30)' }) }],
    ['refuses to end an unknown procedure', undefined, end('replaced', '2026-06-30', 'Y'), null,
      { action: 'refuse', issue: expect.objectContaining({ path: 'code' }) }],
    ['needs a start date to bring back an abolished procedure', head({ status: 'abolished', validTo: '2026-06-30' }), definition(), 'h2',
      { action: 'refuse', issue: expect.objectContaining({ path: 'validFrom' }) }],
    ['brings back an abolished procedure as a new version', head({ status: 'abolished', validTo: '2026-06-30' }), definition('2027-01-01'), 'h2',
      { action: 'create', version: 2, validFrom: '2027-01-01' }],
  ] as const)('%s', (_name, latest, entry, hash, expected) => {
    expect(planCatalogueChange(latest, entry, hash, today)).toEqual(expected);
  });

  it('lists what changed in a month by the date each change takes effect', () => {
    const v = (code: string, version: number, validFrom: string | null, validTo: string | null, status: CatalogueVersionLike['status'], replacedBy: string | null = null) =>
      ({ code, version, validFrom, validTo, status, replacedBy });
    const versions = [
      v('A', 1, null, '2026-02-28', 'amended'), v('A', 2, '2026-03-01', null, 'active'),
      v('B', 1, '2026-03-15', null, 'active'),
      v('C', 1, null, '2026-03-31', 'abolished'),
      v('D', 1, '2025-01-01', '2026-03-09', 'replaced', 'B'),
      v('E', 1, null, '2026-02-27', 'abolished'),
    ];
    // E ended on 27 Feb, so its abolition took effect in February and is not listed in March.
    expect(catalogueChanges(versions, '2026-03').map((c) => [c.date, c.kind, c.code, c.previous?.version])).toEqual([
      ['2026-03-01', 'amended', 'A', 1],
      ['2026-03-10', 'replaced', 'D', undefined],
      ['2026-03-15', 'new', 'B', undefined],
    ]);
    expect(catalogueChanges(versions, '2026-04').map((c) => [c.date, c.kind, c.code])).toEqual([['2026-04-01', 'abolished', 'C']]);
  });
});

describe('parsing a bundle entry', () => {
  it('turns an end entry with validFrom into its last day', () => {
    const parsed = parseProcedureBundleEntry({ code: '1.000894', status: 'replaced', replacedBy: 'NEW.1', validFrom: '2026-03-01' }, context);
    expect(parsed).toEqual({ ok: true, entry: { kind: 'end', code: '1.000894', status: 'replaced', replacedBy: 'NEW.1', lastDay: '2026-02-28', changeNote: null } });
  });
  it('fills in the defaults of a definition: free fee, cut-off, no restart, default workflow', () => {
    const parsed = parseProcedureBundleEntry({ ...marriage, fee: undefined, processingTime: { value: 0, unit: 'same_day' } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.entry.kind !== 'definition') return;
    expect(parsed.entry.content).toMatchObject({
      fee: { kind: 'free' }, processingTime: { value: 0, unit: 'same_day', cutoff: '15:00' }, restartAfterSupplement: false, agencies: [], interAgency: [],
    });
    expect(parsed.entry.content.workflow).toHaveLength(4);
  });
  it('returns the issues instead of an entry when the entry is invalid', () => {
    const parsed = parseProcedureBundleEntry({ ...marriage, workflow: steps(1) });
    expect(parsed).toMatchObject({ ok: false, issues: [{ path: 'workflow' }] });
  });
});
