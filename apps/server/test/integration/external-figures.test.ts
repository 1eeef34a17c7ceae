/**
 * External figures (docs/rules/service-quality.md): SIPAS and the PAR Index are entered by an
 * administrator for a province or a district and a year, with the decision that published them;
 * stored as entered, corrected and deleted with an audit trail, read by any member of staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

const province = '000.00.00.H40';
const district = '000.00.12.H40';
const commune = '000.41.00.H40';

describe.each(databaseKinds)('external figures on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date('2026-05-04T09:00:00+07:00') });
    admin = await t.signIn('quantri');
  });
  afterAll(async () => t?.close());

  const put = (agent: Agent, body: Record<string, unknown>) => agent.request('PUT', '/api/v1/external-figures', body);
  const sipas = { agency: province, kind: 'sipas', year: 2025, value: 83.4, rank: 9, rankOf: 34, source: 'Quyết định số 323/QĐ-BNV ngày 10/4/2026', publishedOn: '2026-04-10' };

  it('stores a figure as entered, replaces it when corrected, and keeps both in the audit trail', async () => {
    const first = await put(admin, sipas);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ agency: province, kind: 'sipas', year: 2025, value: 83.4, rank: 9, rankOf: 34, publishedOn: '2026-04-10', level: 'province' });
    const corrected = await put(admin, { ...sipas, value: 83.45 });
    expect(corrected.json()).toMatchObject({ id: first.json().id, value: 83.45 });
    const rows = await t.database.db.selectFrom('external_figures').select(['value', 'source']).where('kind', '=', 'sipas').execute();
    expect(rows).toEqual([{ value: 83.45, source: sipas.source }]);
    const audit = await t.database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'external_figure.entered').orderBy('id').execute();
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ value: 83.4, kind: 'sipas' }),
      expect.objectContaining({ value: 83.45, replaced: expect.objectContaining({ value: 83.4 }) }),
    ]);
  });

  it('takes figures for a province or a district, not a commune; a value as published (0–100, two decimals)', async () => {
    expect((await put(admin, { ...sipas, agency: district, kind: 'par_index', year: 2024, value: 79.02, rank: null, rankOf: null })).statusCode).toBe(200);
    const res = await put(admin, { ...sipas, agency: commune });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('external_figure.invalid_agency');
    expect((await put(admin, { ...sipas, value: 101 })).statusCode).toBe(400);
    const decimals = await put(admin, { ...sipas, value: 83.456 });
    expect(decimals.json()).toMatchObject({ code: 'request.invalid', issues: [expect.objectContaining({ path: 'value' })] });
    expect((await put(admin, { ...sipas, rank: 40 })).json().issues).toEqual([expect.objectContaining({ path: 'rank' })]);
  });

  it('lets only an administrator over the agency enter or delete; any member of staff reads them, around an agency', async () => {
    expect((await put(await t.signIn('quanly.tinh'), sipas)).statusCode).toBe(403);
    expect((await put(await t.signIn('canbo.giaothuy'), sipas)).statusCode).toBe(403);
    const created = await admin.post('/api/v1/users', {
      username: 'quantri.giaothuy2', fullName: 'Quản trị xã', password: 'Quan-tri-xa-2026', assignments: [{ role: 'admin', agencyId: await t.agencyId(commune) }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const communeAdmin = await t.signIn('quantri.giaothuy2', 'Quan-tri-xa-2026');
    expect((await put(communeAdmin, sipas)).json().code).toBe('agency.not_found');
    const officer = await t.signIn('canbo.giaothuy');
    const around = (await officer.get(`/api/v1/external-figures?agency=${commune}`)).json();
    // The commune sees its province's figures (above it), not the old district's (a sibling branch).
    expect(around.items.map((f: { agency: string; kind: string }) => `${f.agency}:${f.kind}`)).toEqual([`${province}:sipas`]);
    const all = (await officer.get('/api/v1/external-figures?year=2024')).json();
    expect(all.items.map((f: { agency: string }) => f.agency)).toEqual([district]);
    // The latest published up to a year, for each agency and index: 2024's PAR Index of the district stands for 2026.
    const latest = (await officer.get(`/api/v1/external-figures?agency=${district}&year=2026&latest=true`)).json();
    expect(latest.items.map((f: { agency: string; kind: string; year: number }) => `${f.agency}:${f.kind}:${f.year}`)).toEqual([`${province}:sipas:2025`, `${district}:par_index:2024`]);
    const id = around.items[0].id;
    expect((await communeAdmin.request('DELETE', `/api/v1/external-figures/${id}`)).json().code).toBe('external_figure.not_found');
    expect((await admin.request('DELETE', `/api/v1/external-figures/${id}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/v1/external-figures?agency=${commune}`)).json().items).toEqual([]);
    expect(await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'external_figure.deleted').execute()).toHaveLength(1);
  });
});
