/**
 * Imported history keeps the codes citizens hold (docs/interfaces.md, docs/rules/dossier-lifecycle.md):
 * codes in earlier systems' formats are imported exactly as written, found by the public lookup
 * (a "/" sent as %2F, letters in any case), by the inbox search, printed in the tracking book
 * (form 07) and kept by the export; a bad code is rejected with its line and reason, the rest
 * imported; two codes differing only by case are one code.
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

const line = (code: string | undefined, day = '01', extra: Record<string, unknown> = {}) => JSON.stringify({
  ...(code === undefined ? {} : { code }), procedure: '1.000894', agency: '000.41.00.H40', channel: 'counter',
  applicant: { kind: 'citizen', name: 'Đặng Thị Hoa', idNumber: '036190005555' },
  receivedAt: `2024-11-${day}T09:00:00+07:00`, dueAt: `2024-11-${day}T16:00:00+07:00`, digitized: false,
  events: [{ type: 'resolved', at: `2024-11-${day}T15:00:00+07:00` }],
  ...extra,
});

/** Three earlier systems' formats, one with a "/", and Motcua's own. */
const foreign = ['GT-X19-039574', 'H40.22-230802-0001', 'HS/2023/000_123'];

describe.each(databaseKinds)('legacy dossier codes on %s', (kind) => {
  let t: TestApp;
  let other: TestApp;
  const rejections: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind, { config: { SESSION_TTL_HOURS: '720' }, clock: () => new Date('2024-11-20T09:00:00+07:00') });
    other = await startTestApp(kind);
    const summary = await importDossiers(t.database, linesOf([
      line(foreign[0], '01'),
      line(foreign[1], '04'),
      line(foreign[2], '05'),
      line('000.00.12.H40-250304-0007', '06'),
      line('X'.repeat(65), '07'),
      line('GT X19 039574', '07'),
      line('GT-X19-039574\u0000', '07'),
      line('HỒ-SƠ-001', '07'),
      line('', '07'),
      line('gt-x19-039574', '08'),
      line(undefined, '11'),
    ]), { onRejected: (n, reason) => rejections.push(`${n}: ${reason}`) });
    expect(summary, rejections.join('\n')).toMatchObject({ lines: 11, imported: 5, rejected: 6 });
  });
  afterAll(async () => {
    await t?.close();
    await other?.close();
  });

  it('rejects each bad code with its line number and reason, and imports the rest', () => {
    expect(rejections).toEqual([
      expect.stringMatching(/^5: code: .*at most 64 characters/),
      expect.stringMatching(/^6: code: .*only letters/),
      expect.stringMatching(/^7: /),
      expect.stringMatching(/^8: code: .*only letters/),
      expect.stringMatching(/^9: code: .*cannot be empty/),
      // The same code as line 1 but for the case of its letters: the same code, with other content.
      expect.stringMatching(/^10: code gt-x19-039574 (appears earlier in the file \(line 1, as GT-X19-039574\)|is already the code of another dossier).*/),
    ]);
  });

  it('takes a code already imported in other letters’ case as the same code, in a later run too', async () => {
    const later: string[] = [];
    const again = await importDossiers(t.database, linesOf([line('gt-x19-039574', '12'), line('h40.22-230802-0001', '04')]), { onRejected: (n, reason) => later.push(`${n}: ${reason}`) });
    expect(again, later.join('\n')).toMatchObject({ imported: 0, rejected: 2 });
    expect(later).toEqual([
      expect.stringMatching(/^1: code gt-x19-039574 is already the code of another dossier, written GT-X19-039574/),
      expect.stringMatching(/^2: code h40\.22-230802-0001 is already the code of another dossier, written H40\.22-230802-0001/),
    ]);
  });

  it('keeps each code exactly as written, and gives a line without one a code of Motcua’s format', async () => {
    const codes = (await t.database.db.selectFrom('dossiers').select('code').where('imported', '=', true).orderBy('received_at').execute()).map((r) => r.code);
    expect(codes.slice(0, 4)).toEqual([...foreign, '000.00.12.H40-250304-0007']);
    expect(codes[4]).toMatch(/^000\.41\.00\.H40-241111-\d{4,}$/);
  });

  it.each(foreign)('finds %s through the public lookup, exactly or in other letters’ case, a "/" sent URL-encoded', async (code) => {
    const citizen = t.anonymous();
    for (const typed of [code, code.toLowerCase()]) {
      const res = await citizen.get(`/api/v1/public/dossiers/${encodeURIComponent(typed)}`);
      expect(res.statusCode, `${typed}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ code, status: 'resolved', applicantInitials: 'Đ.T.H.' });
    }
    expect((await citizen.get(`/api/v1/public/dossiers/${encodeURIComponent(code)}x`)).statusCode).toBe(404);
  });

  it('answers a clear 400 for a code no dossier can have', async () => {
    const citizen = t.anonymous();
    for (const bad of ['GT X19', 'HỒ-SƠ', 'x'.repeat(65)]) {
      const res = await citizen.get(`/api/v1/public/dossiers/${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('dossier.invalid_code');
    }
  });

  it.each(foreign)('finds %s by the inbox search and by code for staff', async (code) => {
    const officer = await t.signIn('canbo.giaothuy');
    const list = await officer.get(`/api/v1/dossiers?view=all&q=${encodeURIComponent(code.toLowerCase())}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
    const byCode = await officer.get(`/api/v1/dossiers/by-code/${encodeURIComponent(code)}`);
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect((await officer.get(`/api/v1/dossiers/${byCode.json().id}`)).json().code).toBe(code);
  });

  it('prints the codes as written in the tracking book (form 07)', async () => {
    const officer = await t.signIn('canbo.giaothuy');
    const counter = (await officer.get(`/api/v1/agencies/${await t.agencyId('000.41.00.H40')}/offices`)).json().counters[0];
    const book = await officer.get(`/api/v1/counters/${counter.id}/tracking-book?from=2024-11-01&to=2024-11-30`);
    expect(book.statusCode).toBe(200);
    const text = flat(pdfText(book.rawPayload, { layout: false })).replace(/([-/_]) /g, '$1');
    for (const code of foreign) expect(text).toContain(code);
  });

  it('exports the codes as written, and they import into a fresh database unchanged', async () => {
    const exported: string[] = [];
    for await (const l of exportDossiers(t.database.db)) exported.push(l);
    expect(exported.map((l) => JSON.parse(l).code).slice(0, 4)).toEqual([...foreign, '000.00.12.H40-250304-0007']);
    expect(await importDossiers(other.database, linesOf(exported))).toMatchObject({ imported: 5, rejected: 0 });
    const back = await other.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(foreign[2]!)}`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().code).toBe(foreign[2]);
  });
});
