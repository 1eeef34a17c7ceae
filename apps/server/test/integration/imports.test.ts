/**
 * Import and export of dossiers (docs/interfaces.md): a code already imported with the same content is
 * skipped, with other content rejected; the export reads back into a fresh database as the same
 * dossiers; an imported dossier still in progress goes on being handled in Motcua.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossiers } from '../../src/modules/imports/export.usecases.ts';
import { importDossiers } from '../../src/modules/imports/import.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';

async function* linesOf(lines: string[]) {
  yield* lines;
}

const line = (code: string, extra: Record<string, unknown> = {}) => JSON.stringify({
  code, procedure: '1.000894', agency: '000.41.00.H40', channel: 'counter',
  applicant: { kind: 'citizen', name: 'Lương Thị Xuân', idNumber: '036190004444', address: 'Xóm 5, xã Giao Thủy' },
  receivedAt: '2024-10-01T09:00:00+07:00', dueAt: '2024-10-08T09:00:00+07:00', digitized: true,
  events: [
    { type: 'supplement_requested', at: '2024-10-02T10:00:00+07:00', reasons: ['Bổ sung giấy xác nhận tình trạng hôn nhân'] },
    { type: 'supplement_received', at: '2024-10-03T10:00:00+07:00' },
    { type: 'apology', at: '2024-10-07T16:00:00+07:00', newDueAt: '2024-10-10T17:00:00+07:00', note: 'Chờ xác minh' },
    { type: 'resolved', at: '2024-10-09T15:00:00+07:00' },
    { type: 'returned', at: '2024-10-10T08:00:00Z' },
  ],
  ...extra,
});

describe.each(databaseKinds)('import and export on %s', (kind) => {
  let t: TestApp;
  let other: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { config: { SESSION_TTL_HOURS: '720' }, clock: () => new Date('2024-10-04T09:00:00+07:00') });
    other = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
    await other?.close();
  });

  it('skips a code imported again with the same content, and rejects it with other content', async () => {
    const rejections: string[] = [];
    const first = await importDossiers(t.database, linesOf([line('000.41.00.H40-241001-9001')]));
    expect(first).toMatchObject({ imported: 1, skipped: 0, rejected: 0 });
    const again = await importDossiers(t.database, linesOf([
      line('000.41.00.H40-241001-9001'),
      line('000.41.00.H40-241001-9001', { digitized: false }),
    ]), { onRejected: (n, reason) => rejections.push(`${n}: ${reason}`) });
    expect(again).toMatchObject({ imported: 0, skipped: 1, rejected: 1 });
    expect(rejections).toEqual([expect.stringMatching(/^2: code 000\.41\.00\.H40-241001-9001 (was already imported|appears earlier).*different content/)]);
    // The same instants written with another offset are the same content.
    const z = JSON.parse(line('000.41.00.H40-241001-9001'));
    z.receivedAt = '2024-10-01T02:00:00Z';
    expect(await importDossiers(t.database, linesOf([JSON.stringify(z)]))).toMatchObject({ imported: 0, skipped: 1 });
  });

  it('keeps the recorded appointment and classifies by it, whatever the apology said', async () => {
    const row = await t.database.db.selectFrom('dossiers').selectAll().where('code', '=', '000.41.00.H40-241001-9001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'returned', imported: true, result_class: 'overdue' });
    expect(row.due_at!.toISOString()).toBe('2024-10-08T02:00:00.000Z');
    expect(row.apology_due_at!.toISOString()).toBe('2024-10-10T10:00:00.000Z');
  });

  it('books imported history at the agency’s counter, so that form 07 lists it', async () => {
    const officer = await t.signIn('canbo.giaothuy');
    const counter = (await officer.get(`/api/v1/agencies/${await t.agencyId('000.41.00.H40')}/offices`)).json().counters[0];
    const row = await t.database.db.selectFrom('dossiers').select('counter_id').where('code', '=', '000.41.00.H40-241001-9001').executeTakeFirstOrThrow();
    expect(row.counter_id).toBe(counter.id);
    const book = await officer.get(`/api/v1/counters/${counter.id}/tracking-book?from=2024-10-01&to=2024-10-31`);
    expect(book.statusCode).toBe(200);
    expect(flat(pdfText(book.rawPayload, { layout: false })).replace(/- /g, '-')).toContain('000.41.00.H40-241001-9001');
  });

  it('exports lines that import into a fresh database as the same dossiers', async () => {
    const exported: string[] = [];
    for await (const l of exportDossiers(t.database.db)) exported.push(l);
    expect(exported).toHaveLength(1);
    const back = await importDossiers(other.database, linesOf(exported));
    expect(back).toMatchObject({ imported: 1, rejected: 0 });
    const pick = async (a: TestApp) => {
      const d = await a.database.db.selectFrom('dossiers').select(['code', 'status', 'due_at', 'result_at', 'result_class', 'closed_at', 'digitized', 'applicant_name'])
        .where('code', '=', '000.41.00.H40-241001-9001').executeTakeFirstOrThrow();
      const events = await a.database.db.selectFrom('dossier_events').innerJoin('dossiers', 'dossiers.id', 'dossier_events.dossier_id')
        .select(['dossier_events.action', 'dossier_events.at', 'dossier_events.reasons']).where('dossiers.code', '=', d.code).orderBy('seq').execute();
      return { d, events };
    };
    expect(await pick(other)).toEqual(await pick(t));
    // Exported again from the second database: the same lines.
    const twice: string[] = [];
    for await (const l of exportDossiers(other.database.db)) twice.push(l);
    expect(twice).toEqual(exported);
  });

  it('lets staff go on with an imported dossier still in progress', async () => {
    const open = JSON.parse(line('000.41.00.H40-241002-9002'));
    open.receivedAt = '2024-10-02T09:00:00+07:00';
    open.events = [{ type: 'supplement_requested', at: '2024-10-02T10:00:00+07:00', reasons: ['Bổ sung tờ khai'] }];
    expect(await importDossiers(t.database, linesOf([JSON.stringify(open)]))).toMatchObject({ imported: 1 });
    const officer = await t.signIn('canbo.giaothuy');
    const id = (await officer.get('/api/v1/dossiers/by-code/000.41.00.H40-241002-9002')).json().id;
    const detail = (await officer.get(`/api/v1/dossiers/${id}`)).json();
    expect(detail.status).toBe('supplement_requested');
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['import', 'request_supplement']);
    // Done by the previous system: no person's name (the internal key 'import' is not one), the role says it.
    expect(detail.timeline.map((e: { actorName: string | null; actorRole: string }) => [e.actorName, e.actorRole])).toEqual([[null, 'system'], [null, 'system']]);
    const res = await officer.post(`/api/v1/dossiers/${id}/actions`, { action: 'receive_supplement' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'processing' });
    const seqs = await t.database.db.selectFrom('dossier_events').select('seq').where('dossier_id', '=', id).orderBy('seq').execute();
    expect(seqs.map((s) => s.seq)).toEqual([2, 3]);
  });

  it('rejects a line holding text the database cannot store, with its number and field, and imports the others', async () => {
    const rejections: string[] = [];
    const withApplicant = (code: string, applicant: Record<string, unknown>) =>
      line(code, { applicant: { ...JSON.parse(line(code)).applicant, ...applicant } });
    const withNote = JSON.parse(line('000.41.00.H40-241001-9103'));
    withNote.events[2].note = 'Chờ \uD800 xác minh';
    const result = await importDossiers(t.database, linesOf([
      line('000.41.00.H40-241001-9101'),
      withApplicant('000.41.00.H40-241001-9102', { name: 'Lương\u0000Thị Xuân' }),
      JSON.stringify(withNote),
      withApplicant('000.41.00.H40-241001-9104', { nickname: 'X\u001bX' }),
      line('000.41.00.H40-241001-9105'),
    ]), { onRejected: (n, reason) => rejections.push(`${n}: ${reason}`) });
    expect(result).toMatchObject({ imported: 2, rejected: 3 });
    expect(rejections).toEqual([
      expect.stringMatching(/^2: applicant\.name: must not contain a NUL character/),
      expect.stringMatching(/^3: events\.2\.note: must not contain an unpaired surrogate/),
      expect.stringMatching(/^4: applicant\.nickname: must not contain a control character/),
    ]);
    const codes = await t.database.db.selectFrom('dossiers').select('code').where('code', 'like', '000.41.00.H40-241001-91%').orderBy('code').execute();
    expect(codes.map((c) => c.code)).toEqual(['000.41.00.H40-241001-9101', '000.41.00.H40-241001-9105']);
  });

  it('reads the e-form declaration: checked by the form’s rules (a bad one is a line error naming the field), stored, searchable, and round-tripped by the export', async () => {
    const answers = {
      childName: 'Đoàn Gia Khánh', childBirthDate: '2025-02-20', childSex: 'male', childEthnicity: 'Kinh', childNationality: 'Việt Nam',
      childBirthplace: 'Trạm Y tế xã Giao Thủy', motherName: 'Phạm Thị Dung', motherBirthYear: 1993, motherEthnicity: 'Kinh',
      motherNationality: 'Việt Nam', motherResidence: 'Xóm 3, xã Giao Thủy', relationship: 'Mẹ',
      declarantName: 'Phạm Thị Dung', declarantPersonalId: '036301003456', declarantAddress: 'Xóm 3, xã Giao Thủy', declarantPhone: '0901234567',
    };
    const birth = (code: string, declaration: Record<string, unknown>) => JSON.stringify({
      code, procedure: '1.001193', agency: '000.41.00.H40', channel: 'counter', applicant: { kind: 'citizen', name: 'Phạm Thị Dung', idNumber: '036301003456' },
      receivedAt: '2025-03-04T09:00:00+07:00', dueAt: '2025-03-05T09:00:00+07:00', digitized: true, events: [{ type: 'resolved', at: '2025-03-04T15:00:00+07:00' }],
      declaration,
    });
    const good = { form: 'to-khai-khai-sinh@1', answers: { ...answers, childName: '  Đoàn Gia Khánh ' }, verified: ['declarantName'] };
    const rejections: string[] = [];
    const result = await importDossiers(t.database, linesOf([
      birth('GT-KS-2025-0001', good),
      birth('GT-KS-2025-0002', { ...good, answers: { ...answers, motherBirthYear: 2030 } }),
      birth('GT-KS-2025-0003', { ...good, form: 'to-khai-khai-sinh@9' }),
      birth('GT-KS-2025-0004', { ...good, verified: ['nickname'] }),
      birth('GT-KS-2025-0005', { ...good, answers: { ...answers, favouriteColour: 'xanh' } }),
    ]), { onRejected: (n, reason) => rejections.push(`${n}: ${reason}`) });
    expect(result).toMatchObject({ imported: 1, rejected: 4 });
    expect(rejections).toEqual([
      expect.stringMatching(/^2: declaration\.motherBirthYear: /),
      '3: declaration.form: the procedure\'s e-form on 2025-03-04 is to-khai-khai-sinh@1, not to-khai-khai-sinh@9',
      '4: declaration.verified.0: no field "nickname" in to-khai-khai-sinh@1',
      expect.stringMatching(/^5: declaration\.favouriteColour: /),
    ]);

    // Stored as intake stores it (answers normalised), and found by the staff's search.
    const row = await t.database.db.selectFrom('dossiers').select(['id', 'declaration', 'declaration_form', 'declaration_text'])
      .where('code', '=', 'GT-KS-2025-0001').executeTakeFirstOrThrow();
    expect(row.declaration).toEqual({ answers: { ...answers, childName: 'Đoàn Gia Khánh' }, verified: ['declarantName'] });
    expect(row.declaration_form).toBe('to-khai-khai-sinh@1');
    expect(row.declaration_text).toContain('Đoàn Gia Khánh');
    const officer = await t.signIn('canbo.giaothuy');
    const found = (await officer.get('/api/v1/dossiers?view=all&q=doan%20gia%20khanh')).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([row.id]);
    const detail = (await officer.get(`/api/v1/dossiers/${row.id}`)).json();
    expect(detail.declaration).toMatchObject({ eform: 'to-khai-khai-sinh@1', answers: { childName: 'Đoàn Gia Khánh' }, verified: ['declarantName'] });
    expect(flat(pdfText((await officer.get(`/api/v1/dossiers/${row.id}/declaration.pdf`)).rawPayload))).toContain('Đoàn Gia Khánh');

    // Export → import: the same declaration in a fresh database; the same line again is the same content.
    const exported: string[] = [];
    for await (const l of exportDossiers(t.database.db)) if (JSON.parse(l).code === 'GT-KS-2025-0001') exported.push(l);
    expect(JSON.parse(exported[0]!).declaration).toEqual({ form: 'to-khai-khai-sinh@1', ...row.declaration });
    expect(await importDossiers(other.database, linesOf(exported))).toMatchObject({ imported: 1, rejected: 0 });
    const copy = await other.database.db.selectFrom('dossiers').select(['declaration', 'declaration_form', 'declaration_text'])
      .where('code', '=', 'GT-KS-2025-0001').executeTakeFirstOrThrow();
    expect(copy).toEqual({ declaration: row.declaration, declaration_form: row.declaration_form, declaration_text: row.declaration_text });
    expect(await importDossiers(other.database, linesOf(exported))).toMatchObject({ imported: 0, skipped: 1 });
  });
});
