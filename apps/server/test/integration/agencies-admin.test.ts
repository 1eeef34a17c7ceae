import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

describe.each(databaseKinds)('agency administration on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('quantri');
  });
  afterAll(async () => t?.close());

  it('loads counters, units and successors from the demo bundle', async () => {
    const id = await t.agencyId('000.41.00.H40');
    const offices = (await admin.get(`/api/v1/agencies/${id}/offices`)).json();
    expect(offices.counters.map((c: { name: string }) => c.name)).toEqual(['Bộ phận Một cửa xã Giao Thủy']);
    expect(offices.units.map((u: { code: string }) => u.code)).toEqual(['DCXD', 'TPHT', 'VPTK']);
    const district = (await admin.get(`/api/v1/agencies/${await t.agencyId('000.00.12.H40')}`)).json();
    expect(district).toMatchObject({ validTo: '2025-06-30', successorCode: '000.41.00.H40' });
    // The server says it has ended (its last day is past), so that no page compares dates itself.
    expect(district.endedOn).toBe('2025-06-30');
    const listed = (await admin.get('/api/v1/agencies?limit=500')).json().items as Array<{ code: string; endedOn: string | null }>;
    expect(listed.find((a) => a.code === '000.00.12.H40')!.endedOn).toBe('2025-06-30');
    expect(listed.find((a) => a.code === '000.41.00.H40')!.endedOn).toBeNull();
  });

  it('adds a commune under the province, ends an agency with a successor, never deleting it', async () => {
    const province = await t.agencyId('000.00.00.H40');
    const created = await admin.post('/api/v1/agencies', { code: '000.44.00.H40', name: 'Ủy ban nhân dân xã Giao Phúc', level: 'commune', parentId: province, validFrom: '2026-01-01' });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await admin.post('/api/v1/agencies', { code: '000.44.00.H40', name: 'x', level: 'commune', parentId: province });
    expect(dup.statusCode).toBe(409);
    const ended = await admin.request('PATCH', `/api/v1/agencies/${created.json().id}`, { validTo: '2026-06-30', successorCode: '000.43.00.H40' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ validTo: '2026-06-30', successorCode: '000.43.00.H40', name: 'Ủy ban nhân dân xã Giao Phúc' });
    const badSuccessor = await admin.request('PATCH', `/api/v1/agencies/${created.json().id}`, { successorCode: 'NOPE' });
    expect(badSuccessor.statusCode).toBe(400);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', '000.44.00.H40').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['agency.created', 'agency.updated']);
  });

  it('gives an agency its own working periods, used for its appointments', async () => {
    const id = await t.agencyId('000.43.00.H40');
    const bad = await admin.request('PUT', `/api/v1/agencies/${id}/calendar`, { periods: [{ start: '13:00', end: '12:00' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('calendar.invalid_config');
    // A commune that works 07:30–11:30 and 13:30–17:30.
    const ok = await admin.request('PUT', `/api/v1/agencies/${id}/calendar`, { periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }] });
    expect(ok.statusCode).toBe(204);
    const cal = (await t.deps.calendars.forAgency(id));
    expect(cal.isWorkingInstant(Date.parse('2025-03-04T07:45:00+07:00'))).toBe(true);
    expect(cal.isWorkingInstant(Date.parse('2025-03-04T17:15:00+07:00'))).toBe(true);
    expect(cal.isWorkingInstant(Date.parse('2025-03-04T12:00:00+07:00'))).toBe(false);
  });

  it('adds a counter and a unit', async () => {
    const id = await t.agencyId('000.42.00.H40');
    expect((await admin.post(`/api/v1/agencies/${id}/counters`, { code: 'MC2', name: 'Quầy số 2' })).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/agencies/${id}/units`, { code: 'VHXH', name: 'Văn hóa - Xã hội' })).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/agencies/${id}/units`, { code: 'VHXH', name: 'again' })).statusCode).toBe(409);
    const offices = (await admin.get(`/api/v1/agencies/${id}/offices`)).json();
    expect(offices.counters.map((c: { code: string }) => c.code)).toEqual(['MC', 'MC2']);
  });
});
