/**
 * The service index (Decision 766/QĐ-TTg; docs/rules/service-quality.md, "The service index") of a
 * small province built here: four communes with a handful of dossiers each, with known outcomes,
 * ratings, signed results, reuses, payments and feedback. Every total below is worked out by hand
 * from the rules (the arithmetic is in the comments), never with the code under test; the ranks
 * with a tie, the previous period, a change of weights that reaches the next month only, the
 * dossiers behind each figure, the files, and who may see what.
 *
 * The catalogue is the demo bundle's: 25 procedures of the commune level, all with a legal basis,
 * components and their result named (a result type, or the kind of paper) → catalogue 25/25 = 1
 * for every commune. Fully online among the
 * ones used here: 1.001193 and 1.000656; not 1.000894 and 2.000815.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIndicatorSettings, parseInstant, serviceIndexIndicatorKeys } from '@motcua/domain';
import { rebuild } from '../../src/db/migrations/0044_service_index.ts';
import { importDossiers } from '../../src/modules/imports/import.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { pdfText } from '../support/pdf-tools.ts';

const X1 = '000.41.00.H40'; // Giao Thủy
const X2 = '000.42.00.H40'; // Giao Minh
const X3 = '000.43.00.H40'; // Giao Hòa
const X4 = '000.44.00.H40'; // Giao Lâm, added here, from 01/09/2026

async function* linesOf(lines: string[]) {
  yield* lines;
}

/** An imported dossier; the applicant's name is its handle in this test. */
function dossier(name: string, agency: string, procedure: string, channel: 'online' | 'counter', digitized: boolean, receivedAt: string, dueAt: string, events: Array<{ type: string; at: string; newDueAt?: string }> = []) {
  return JSON.stringify({ procedure, agency, channel, applicant: { kind: 'citizen', name }, receivedAt, dueAt, digitized, events });
}

const at = (local: string) => `${local}:00+07:00`;
const resolved = (local: string) => ({ type: 'resolved', at: at(local) });

const lines = [
  // X1, September: a in time online; b ahead at the counter; c overdue with an apology; d overdue, still open at the end of September.
  dossier('X1 a', X1, '1.001193', 'online', true, at('2026-09-07T09:00'), at('2026-09-07T17:00'), [resolved('2026-09-07T15:00')]),
  dossier('X1 b', X1, '1.000894', 'counter', true, at('2026-09-08T09:00'), at('2026-09-15T17:00'), [resolved('2026-09-10T10:00')]),
  dossier('X1 c', X1, '1.000656', 'counter', false, at('2026-09-09T09:00'), at('2026-09-11T17:00'), [
    { type: 'apology', at: at('2026-09-11T10:00'), newDueAt: at('2026-09-14T17:00') }, resolved('2026-09-14T10:00'),
  ]),
  dossier('X1 d', X1, '2.000815', 'counter', true, at('2026-09-21T09:00'), at('2026-09-23T17:00'), [resolved('2026-10-02T10:00')]),
  // X2 and X3, September, the same: e in time online, f ahead at the counter.
  ...[X2, X3].flatMap((x) => [
    dossier(`${x} e`, x, '1.001193', 'online', true, at('2026-09-14T09:00'), at('2026-09-14T17:00'), [resolved('2026-09-14T14:00')]),
    dossier(`${x} f`, x, '2.000815', 'counter', false, at('2026-09-15T09:00'), at('2026-09-17T17:00'), [resolved('2026-09-16T10:00')]),
  ]),
  // X4, September: g in time online.
  dossier('X4 g', X4, '1.001193', 'online', true, at('2026-09-16T09:00'), at('2026-09-16T17:00'), [resolved('2026-09-16T11:00')]),
  // August: X1 one in time online; X2 one overdue at the counter, not digitized; X3 nothing.
  dossier('X1 a0', X1, '1.001193', 'online', true, at('2026-08-10T09:00'), at('2026-08-10T17:00'), [resolved('2026-08-10T11:00')]),
  dossier('X2 a0', X2, '2.000815', 'counter', false, at('2026-08-11T09:00'), at('2026-08-13T17:00'), [resolved('2026-08-17T10:00')]),
  // November: X1 one in time online, digitized, of a procedure not offered fully online.
  dossier('X1 n', X1, '1.000894', 'online', true, at('2026-11-03T09:00'), at('2026-11-10T17:00'), [resolved('2026-11-05T10:00')]),
];

describe.each(databaseKinds)('the service index on %s', (kind) => {
  let t: TestApp;
  let now = parseInstant('2026-10-05T14:00:00+07:00');
  let manager: Agent;
  const ids = new Map<string, { id: number; code: string }>();
  const september = 'from=2026-09-01&to=2026-09-30';

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    const admin = await t.signIn('quantri');
    const created = await admin.post('/api/v1/agencies', {
      code: X4, name: 'Ủy ban nhân dân xã Giao Lâm', level: 'commune', parentId: await t.agencyId('000.00.00.H40'), validFrom: '2026-09-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await importDossiers(t.database, linesOf(lines))).toMatchObject({ rejected: 0, imported: lines.length });
    for (const d of await t.database.db.selectFrom('dossiers').select(['id', 'code', 'applicant_name']).execute()) ids.set(d.applicant_name, { id: d.id, code: d.code });
    const id = (name: string) => ids.get(name)!.id;
    const db = t.database.db;
    const agency = async (code: string) => t.agencyId(code);

    // Ratings: X1 a 5, b 4, c 2 (September); X4 g 5. X2 e at 09:00 today, X2 f at 15:00 today (after "now": not yet).
    for (const [name, score, when] of [
      ['X1 a', 5, '2026-09-08T10:00'], ['X1 b', 4, '2026-09-11T10:00'], ['X1 c', 2, '2026-09-15T10:00'], ['X4 g', 5, '2026-09-17T10:00'],
      [`${X2} e`, 5, '2026-10-05T09:00'], [`${X2} f`, 1, '2026-10-05T15:00'],
    ] as const) {
      await db.insertInto('dossier_ratings').values({ dossier_id: id(name), score, rated_at: at(when), comment: null, ip: null, proof: 'token' }).execute();
    }

    // Results: X1 a and X4 g signed by the person and the agency; X1 b by the person only (not yet electronic).
    const file = await db.insertInto('files').values({
      purpose: 'result', original_name: 'ket-qua.pdf', media_type: 'application/pdf', size_bytes: 10, sha256: 'a'.repeat(64), storage_key: 'k', uploaded_by_kind: 'staff',
    }).returning('id').executeTakeFirstOrThrow();
    const sign = (docId: string, name: string, status: 'signed' | 'signed_by_person', when: string, agencyId: string) => db.insertInto('signed_documents').values({
      id: docId, kind: 'dossier_result', agency_id: agencyId, dossier_id: id(name), number: null, title: 'Kết quả', file_name: 'ket-qua.pdf', storage_key: 'k',
      size_bytes: 10, sha256: 'a'.repeat(64), status: 'unsigned', signature_slot: null, result_file_id: null, created_by: null, created_at: at(when), updated_at: at(when),
    }).execute().then(() => db.updateTable('signed_documents').set({ status, updated_at: at(when) }).where('id', '=', docId).execute());
    await sign('aaaaaaaaaaaaaaaa', 'X1 a', 'signed', '2026-09-07T16:00', await agency(X1));
    await sign('bbbbbbbbbbbbbbbb', 'X1 b', 'signed_by_person', '2026-09-10T11:00', await agency(X1));
    await sign('gggggggggggggggg', 'X4 g', 'signed', '2026-09-16T12:00', await agency(X4));

    // Reuse: X1 b took two papers from the applicant's data store (one dossier, counted once).
    const stored = await db.insertInto('citizen_documents').values({
      owner_kind: 'citizen', owner_id: '036090001234', document_type: 'cccd', title: 'Căn cước', source_dossier_id: null, source_dossier_code: null,
      component_index: null, issuing_agency_id: null, issuing_agency_name: 'Công an', issued_on: '2024-01-01', valid_until: null, file_id: file.id,
      file_sha256: 'a'.repeat(64), origin: 'digitized_component',
    }).returning('id').executeTakeFirstOrThrow();
    for (const component of [0, 1]) {
      await db.insertInto('document_reuses').values({
        document_id: stored.id, dossier_id: id('X1 b'), component_index: component, file_id: file.id, actor_kind: 'staff', actor_id: null, actor_name: 'Cán bộ', at: at('2026-09-08T09:00'),
      }).execute();
    }

    // Payments at X1: b cash, d online, c online then reversed (a mistake: never counted).
    const x1 = await agency(X1);
    const entry = async (name: string, kind: 'payment' | 'reversal', method: 'cash' | 'online' | null, when: string, reverses: string | null = null) =>
      (await db.insertInto('fee_entries').values({
        dossier_id: id(name), agency_id: x1, kind, method, amount: 10_000, reverses, recorded_at: at(when),
      } as never).returning('id').executeTakeFirstOrThrow() as { id: string }).id;
    await entry('X1 b', 'payment', 'cash', '2026-09-08T09:30');
    await entry('X1 d', 'payment', 'online', '2026-09-21T09:30');
    const mistaken = await entry('X1 c', 'payment', 'online', '2026-09-09T09:30');
    await entry('X1 c', 'reversal', null, '2026-09-10T08:00', mistaken);

    // Feedback to X1: f1 answered on time and published; f2 answered late (no consent); f3 due in October; f4 refused.
    const feedback = (code: string, received: string, due: string, answered: string | null, consent: boolean, published: string | null, status: string) =>
      db.insertInto('feedback').values({
        code, agency_id: x1, channel: 'portal', title: `Phản ánh ${code}`, content: 'Nội dung', publish_consent: consent, status: status as 'answered',
        received_at: at(received), due_at: at(due), answered_at: answered ? at(answered) : null, published_at: published ? at(published) : null,
        // A published answer is the agency's answer with the sender's data removed (migration 0041).
        ...(published ? { answer: 'Trả lời', published_answer: 'Trả lời' } : {}),
      }).execute();
    await feedback('PA-1', '2026-09-01T08:00', '2026-09-15T10:00', '2026-09-12T10:00', true, '2026-09-13T10:00', 'answered');
    await feedback('PA-2', '2026-09-10T08:00', '2026-09-24T10:00', '2026-09-26T10:00', false, null, 'answered');
    await feedback('PA-3', '2026-09-20T08:00', '2026-10-02T10:00', null, true, null, 'received');
    await feedback('PA-4', '2026-09-05T08:00', '2026-09-19T10:00', null, false, null, 'refused');

    manager = await t.signIn('quanly.tinh');
  });
  afterAll(async () => t?.close());

  const index = async (query: string, agent = manager) => {
    const res = await agent.get(`/api/v1/service-index?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  type Row = { agency: string; total: number | null; groups: Record<string, number | null>; rank: number | null; of: number; previousTotal: number | null; previousRank: number | null; previousOf: number; change: number | null; indicators: Record<string, { numerator: number; denominator: number; value: number | null }> };
  const rowOf = (body: { rows: Row[] }, agency: string) => body.rows.find((r) => r.agency === agency)!;

  it('scores every commune as worked out by hand, ranks a tie 1, 2, 2, 4 and compares with August', async () => {
    const body = await index(`${september}&level=commune`);
    expect(body.version).toEqual({ number: 1, effectiveFrom: '2022-08-01' });
    expect(body.previousPeriod).toEqual({ from: '2026-08-01', to: '2026-08-31' });
    expect(body.period.asOf).toBeUndefined();

    // X1: publicity (2 × 25/25 + 1 × 1/1 published) / 3 = 3 / 3 = 1 → 18 × 1 = 18.00
    //     progress (3 × 0.6667 [2 of 3 in time] + 1 × 0.5 [c apologised, d not]) / 4 = 2.5001 / 4 = 0.625025 → 20 × … = 12.50
    //     digitization (2 × 3/4 + 2 × 0.3333 [a signed, of 3 resolved] + 1 × 1/4 [b reused]) / 5 = 2.4166 / 5 = 0.48332 → 22 × … = 10.63
    //     online (2 × 1/4 + 1 × 1/2 [a of a, c fully online] + 1 × 1/2 [d online, b cash, c reversed]) / 4 = 0.375 → 22 × 0.375 = 8.25
    //     satisfaction (2 × 0.6667 [5, 4 of 5, 4, 2] + 1 × 0.6667 [(11/3 − 1) / 4] + 1 × 1/2 [PA-1 on time, PA-2 late]) / 4 = 0.625025 → 18 × … = 11.25
    //     total 18.00 + 12.50 + 10.63 + 8.25 + 11.25 = 60.63
    const x1 = rowOf(body, X1);
    expect(x1.groups).toEqual({ publicity: 18, progress: 12.5, digitization: 10.63, online: 8.25, satisfaction: 11.25 });
    expect(x1.total).toBe(60.63);
    expect(x1.indicators).toMatchObject({
      catalogue_complete: { numerator: 25, denominator: 25, value: 1 },
      feedback_published: { numerator: 1, denominator: 1, value: 1 },
      on_time: { numerator: 2, denominator: 3, value: 0.6667 },
      overdue_apology: { numerator: 1, denominator: 2, value: 0.5 },
      digitized: { numerator: 3, denominator: 4, value: 0.75 },
      electronic_results: { numerator: 1, denominator: 3, value: 0.3333 },
      data_reuse: { numerator: 1, denominator: 4, value: 0.25 },
      online: { numerator: 1, denominator: 4, value: 0.25 },
      fully_online: { numerator: 1, denominator: 2, value: 0.5 },
      online_payment: { numerator: 1, denominator: 2, value: 0.5 },
      satisfied: { numerator: 2, denominator: 3, value: 0.6667 },
      rating_average: { numerator: 11, denominator: 3, value: 0.6667 },
      feedback_on_time: { numerator: 1, denominator: 2, value: 0.5 },
    });
    // X2 = X3: publicity 18 × 1 = 18.00; progress 20 × 1 = 20.00 (nothing overdue: apology left out);
    //     digitization (2 × 1/2 + 2 × 0/2 + 1 × 0/2) / 5 = 0.2 → 4.40; online (2 × 1/2 + 1 × 1/1) / 3 = 2/3 → 22 × 2/3 = 14.67 (no payment);
    //     satisfaction: no rating, no feedback due → left out; (18 + 20 + 4.40 + 14.67 [group scores are rounded first]) × 100 / 82 = 5707 / 82 = 69.60
    for (const x of [X2, X3]) {
      expect(rowOf(body, x).groups).toEqual({ publicity: 18, progress: 20, digitization: 4.4, online: 14.67, satisfaction: null });
      expect(rowOf(body, x).total).toBe(69.6);
    }
    // X4: 18.00 + 20.00 + 22 × (2 × 1 + 2 × 1 + 1 × 0) / 5 = 17.60 + 22 × (2 + 1) / 3 = 22.00 + 18 × (2 × 1 + 1 × 1) / 3 = 18.00 → 95.60
    expect(rowOf(body, X4).groups).toEqual({ publicity: 18, progress: 20, digitization: 17.6, online: 22, satisfaction: 18 });
    expect(rowOf(body, X4).total).toBe(95.6);

    // Ranks: X4 95.60, X2 = X3 69.60, X1 60.63 → 1, 2, 2, 4 ("xếp thứ 4/4").
    // August: X1 (18 + 20 + 22 × 2/5 = 8.80 + 22) × 100 / 82 = 6880 / 82 = 83.90 → 1st; X2 (18 + 0 + 0 + 0) × 100 / 82 = 1800 / 82 = 21.95 → 2nd;
    // X3 received and resolved nothing: its index is its catalogue alone (18 / 18 → 100.00), not ranked; X4 did not exist yet.
    const ranks = Object.fromEntries(body.rows.map((r: Row) => [r.agency, [r.rank, r.of, r.previousTotal, r.previousRank, r.previousOf, r.change]]));
    expect(ranks).toEqual({
      [X4]: [1, 4, null, null, 2, null],
      [X2]: [2, 4, 21.95, 2, 2, 0],
      [X3]: [2, 4, 100, null, 2, null],
      [X1]: [4, 4, 83.9, 1, 2, -3],
    });
    // By rank, equal ranks by name (Giao Hòa before Giao Minh).
    expect(body.rows.map((r: Row) => r.agency)).toEqual([X4, X3, X2, X1]);
  });

  it('ranks each level apart, and does not rank a unit that handled no dossier', async () => {
    const body = await index(september);
    // The province itself: 4 procedures of its level, all naming their result → 18 / 18 → 100.00, no dossier → not ranked.
    const province = rowOf(body, '000.00.00.H40');
    expect([province.total, province.rank, province.of]).toEqual([100, null, 0]);
    expect(rowOf(body, X1)).toMatchObject({ rank: 4, of: 4 });
    // The abolished district and its communes are not units of 2026.
    expect(body.rows.map((r: Row) => r.agency)).not.toContain('000.00.12.H40');
    // The scope of one commune: its own index is the total.
    const one = await index(`${september}&agency=${X2}`);
    expect(one.total.total).toBe(69.6);
    expect(one.rows.map((r: Row) => [r.agency, r.rank, r.of])).toEqual([[X2, 1, 1]]);
  });

  it('lists the dossiers, ratings, payments, feedback and catalogue entries behind every figure', async () => {
    const row = rowOf(await index(`${september}&level=commune`), X1);
    const items = async (indicator: string, part: string, limit = 100) => {
      const res = await manager.get(`/api/v1/service-index/items?${september}&agency=${X1}&agencyOnly=true&indicator=${indicator}&part=${part}&limit=${limit}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: number; items: Array<{ kind: string; ref: string; title: string; met: boolean; score: number | null; method: string | null }> };
    };
    for (const indicator of serviceIndexIndicatorKeys) {
      if (indicator === 'rating_average') continue; // its numerator is a sum of scores: its ratings are the denominator's
      expect((await items(indicator, 'numerator')).total, `${indicator} numerator`).toBe(row.indicators[indicator]!.numerator);
      const den = await items(indicator, 'denominator');
      expect(den.total, `${indicator} denominator`).toBe(row.indicators[indicator]!.denominator);
      expect(den.items.filter((i) => i.met).length, `${indicator} met`).toBe(row.indicators[indicator]!.numerator);
    }
    const titles = async (indicator: string, part: string) => (await items(indicator, part)).items.map((i) => i.title);
    expect(await titles('on_time', 'numerator')).toEqual(['X1 a', 'X1 b']);
    expect(await titles('overdue_apology', 'denominator')).toEqual(['X1 c', 'X1 d']);
    expect(await titles('overdue_apology', 'numerator')).toEqual(['X1 c']);
    expect(await titles('electronic_results', 'numerator')).toEqual(['X1 a']);
    expect(await titles('data_reuse', 'numerator')).toEqual(['X1 b']);
    expect((await items('online_payment', 'denominator')).items.map((i) => [i.title, i.method])).toEqual([['X1 b', 'cash'], ['X1 d', 'online']]);
    expect((await items('satisfied', 'denominator')).items.map((i) => [i.kind, i.score, i.met])).toEqual([['rating', 5, true], ['rating', 4, true], ['rating', 2, false]]);
    expect((await items('feedback_on_time', 'denominator')).items.map((i) => [i.ref, i.met])).toEqual([['PA-1', true], ['PA-2', false]]);
    expect((await items('catalogue_complete', 'numerator', 3)).items.map((i) => i.kind)).toEqual(['procedure', 'procedure', 'procedure']);
    // Another commune's dossier is never behind X1's figures.
    expect((await items('on_time', 'denominator')).items.map((i) => i.ref)).not.toContain(ids.get(`${X2} e`)!.code);
  });

  it('counts a period not over up to now, and the rest of today once it is', async () => {
    // 14:00 on 05/10: X2's rating of 09:00 counts, the one of 15:00 not yet.
    const october = await index(`from=2026-10-01&to=2026-10-31&agency=${X2}`);
    expect(october.period.asOf).toBe('2026-10-05T14:00:00+07:00');
    expect(rowOf(october, X2).indicators.satisfied).toEqual({ numerator: 1, denominator: 1, value: 1 });
    const behind = (await manager.get(`/api/v1/service-index/items?from=2026-10-01&to=2026-10-31&agency=${X2}&indicator=satisfied&part=denominator`)).json();
    expect(behind.total).toBe(1);
  });

  it('applies a change of weights from the next month only: the current periods keep theirs', async () => {
    const admin = await t.signIn('quantri');
    const before = (await index(`${september}&level=commune`)).rows;
    const octoberBefore = await index(`from=2026-10-01&to=2026-10-31&agency=${X1}`);
    // The defaults of migration 0044 are the domain's.
    const versions = (await admin.get('/api/v1/service-index/versions')).json();
    expect(versions.items).toHaveLength(1);
    expect(versions.items[0]).toMatchObject({ number: 1, effectiveFrom: '2022-08-01', indicators: defaultIndicatorSettings });
    expect(versions).toMatchObject({ nextEffectiveFrom: '2026-11-01', canManage: true });

    // Signed results and reuse no longer count in digitization.
    const indicators = { ...defaultIndicatorSettings, electronic_results: { weight: 0, target: 1 }, data_reuse: { weight: 0, target: 1 } };
    const made = await admin.post('/api/v1/service-index/versions', { indicators, note: 'Chỉ tính tỷ lệ số hóa hồ sơ' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ number: 2, effectiveFrom: '2026-11-01', indicators, note: 'Chỉ tính tỷ lệ số hóa hồ sơ', createdBy: 'quantri' });
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'entity_id', 'details']).where('action', '=', 'service_index.version_created').execute();
    expect(audit).toEqual([expect.objectContaining({ entity_id: '2', details: expect.objectContaining({ effectiveFrom: '2026-11-01' }) })]);

    // September and October (begun before 01/11) are scored as before.
    expect((await index(`${september}&level=commune`)).rows).toEqual(before);
    const octoberAfter = await index(`from=2026-10-01&to=2026-10-31&agency=${X1}`);
    expect(octoberAfter.version.number).toBe(1);
    expect(octoberAfter.rows).toEqual(octoberBefore.rows);

    // In December, November's index takes version 2. X1 n: in time, online, digitized, not fully online, no result signed, no reuse.
    now = parseInstant('2026-12-02T09:00:00+07:00');
    const managerThen = manager;
    manager = await t.signIn('quanly.tinh'); // sessions last 30 days
    const november = await index(`from=2026-11-01&to=2026-11-30&agency=${X1}`);
    expect(november.version).toEqual({ number: 2, effectiveFrom: '2026-11-01' });
    expect(november.previousVersion).toEqual({ number: 1, effectiveFrom: '2022-08-01' });
    // Version 2: 18.00 + 20.00 + 22 × 1 [digitized 1/1 alone] + 22 × 1 [online 1/1] = 82 → 8200 / 82 = 100.00
    // (version 1 would give 18 + 20 + 22 × 2/5 = 8.80 + 22 = 68.80 → 6880 / 82 = 83.90).
    expect(rowOf(november, X1).total).toBe(100);
    expect(rowOf(november, X1).groups.digitization).toBe(22);
    // October, now over, counts X2's rating of 15:00 too.
    const octoberOver = await index(`from=2026-10-01&to=2026-10-31&agency=${X2}`);
    expect(rowOf(octoberOver, X2).indicators.satisfied).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(octoberOver.version.number).toBe(1);
    now = parseInstant('2026-10-05T14:00:00+07:00');
    manager = managerThen;
  });

  it('keeps the day aggregates equal to a rebuild from the rows, through changes', async () => {
    const db = t.database.db;
    // A rating corrected, a result superseded after signing, a reuse of a dossier already counted.
    await db.updateTable('dossier_ratings').set({ score: 3 }).where('dossier_id', '=', ids.get('X1 b')!.id).execute();
    await db.updateTable('signed_documents').set({ superseded_at: at('2026-09-20T10:00') }).where('id', '=', 'gggggggggggggggg').execute();
    // A day whose sums came back to 0 keeps its row; a rebuild writes none for it.
    const nonZero = () => db.selectFrom('service_index_daily').selectAll()
      .where((eb) => eb.or(['ratings', 'ratings_satisfied', 'rating_points', 'results_signed', 'reused', 'payments', 'online_payments'].map((c) => eb(c as 'ratings', '<>', 0))))
      .orderBy('agency_id').orderBy('day').execute();
    const kept = await nonZero();
    await rebuild(db as never);
    const rebuilt = await nonZero();
    expect(rebuilt).toEqual(kept);
    // X1 on 08/09: a's rating (5), b's payment, b's reuse once (two papers); on 11/09 b's rating, now 3 (not satisfied).
    const x1 = await t.agencyId(X1);
    expect(rebuilt.find((r) => r.agency_id === x1 && String(r.day) === '2026-09-08')).toMatchObject({ ratings: 1, ratings_satisfied: 1, rating_points: 5, reused: 1, payments: 1 });
    expect(rebuilt.find((r) => r.agency_id === x1 && String(r.day) === '2026-09-11')).toMatchObject({ ratings: 1, ratings_satisfied: 0, rating_points: 3 });
    expect(rebuilt.filter((r) => r.results_signed !== 0).map((r) => [String(r.day), r.results_signed])).toEqual([['2026-09-07', 1]]);
    // Put things back as the other tests expect them.
    await db.updateTable('dossier_ratings').set({ score: 4 }).where('dossier_id', '=', ids.get('X1 b')!.id).execute();
    await db.updateTable('signed_documents').set({ superseded_at: null }).where('id', '=', 'gggggggggggggggg').execute();
  });

  it('refuses weights that leave a group without any, and makes versions only for the province’s administrators', async () => {
    const admin = await t.signIn('quantri');
    const bad = { ...defaultIndicatorSettings, on_time: { weight: 0, target: 1 }, overdue_apology: { weight: 0, target: 1 } };
    const refused = await admin.post('/api/v1/service-index/versions', { indicators: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues).toEqual([expect.objectContaining({ path: 'groups.progress' })]);
    expect((await admin.post('/api/v1/service-index/versions', { indicators: { ...defaultIndicatorSettings, online: { weight: 1, target: 0 } } })).statusCode).toBe(400);
    const leader = await t.signIn('lanhdao.giaothuy');
    expect((await leader.post('/api/v1/service-index/versions', { indicators: defaultIndicatorSettings })).statusCode).toBe(403);
    expect((await leader.get('/api/v1/service-index/versions')).json().canManage).toBe(false);
    const count = await t.database.db.selectFrom('service_index_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('shows each manager their own units only', async () => {
    const leader = await t.signIn('lanhdao.giaothuy'); // leader and manager of X1
    const own = await index(september, leader);
    expect(own.rows.map((r: Row) => [r.agency, r.rank, r.of])).toEqual([[X1, 1, 1]]);
    expect((await leader.get(`/api/v1/service-index?${september}&agency=${X2}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/v1/service-index/items?${september}&agency=${X2}&indicator=on_time`)).statusCode).toBe(404);
    const officer = await t.signIn('canbo.giaothuy');
    expect((await officer.get(`/api/v1/service-index?${september}`)).statusCode).toBe(403);
    expect((await officer.get(`/api/v1/service-index.xlsx?${september}`)).statusCode).toBe(403);
    expect((await manager.get('/api/v1/service-index?from=2026-09-30&to=2026-09-01')).statusCode).toBe(400);
  });

  it('writes the ranking to XLSX and PDF with the same figures', async () => {
    const xlsx = await manager.get(`/api/v1/service-index.xlsx?${september}&level=commune`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('chi-so-phuc-vu-2026-09-01-2026-09-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Xếp hạng')!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const x1 = rows.find((r) => r.includes(X1))!;
    // STT, name, code, level, total, rank, previous total, previous rank, change, the five groups.
    expect(x1.slice(2)).toEqual([X1, 'Cấp xã', 60.63, '4/4', 83.9, '1/2', 'giảm 3 bậc', 18, 12.5, 10.63, 8.25, 11.25]);
    expect(rows.find((r) => r.includes(X3))!.slice(4, 7)).toEqual([69.6, '2/4', 100]);
    expect(workbook.getWorksheet('Trọng số')).toBeDefined();
    expect(workbook.getWorksheet('Chỉ tiêu thành phần')).toBeDefined();

    const pdf = await manager.get(`/api/v1/service-index.pdf?${september}&level=commune`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('BẢNG XẾP HẠNG CHỈ SỐ PHỤC VỤ');
    expect(text).toContain('Giao Lâm');
    expect(text).toContain('60,63');
    expect(text).toContain('giảm 3 bậc');
  });
});
