/**
 * Real answers match the schemas the OpenAPI document gives for them (success bodies and
 * problem+json refusals), on a sample of routes across the modules; and a trailing slash where a
 * parameter could follow is an empty parameter, not the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LightMyRequestResponse } from 'fastify';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

type Json = Record<string, any>;

describe.each(databaseKinds)('answers as documented on %s', (kind) => {
  let t: TestApp;
  let doc: Json;
  let ajv: Ajv2020;
  let officer: Agent;
  let leader: Agent;
  let admin: Agent;

  beforeAll(async () => {
    t = await startTestApp(kind);
    doc = t.app.swagger() as unknown as Json;
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'https://motcua.example/openapi', components: doc.components });
    officer = await t.signIn('canbo.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    admin = await t.signIn('quantri');
  });
  afterAll(async () => t?.close());

  /** Validates an answer against the schema its operation documents for its status and media type. */
  function expectDocumented(template: string, method: string, res: LightMyRequestResponse): void {
    const what = `${method} ${template} ${res.statusCode}`;
    const response = doc.paths[template]?.[method.toLowerCase()]?.responses?.[String(res.statusCode)];
    expect(response, `${what} is documented`).toBeDefined();
    if (res.statusCode === 204) {
      expect(res.body).toBe('');
      return;
    }
    const mediaType = String(res.headers['content-type']).split(';')[0]!;
    const schema = response.content?.[mediaType]?.schema;
    expect(schema, `${what} documents ${mediaType}`).toBeDefined();
    // References point into the document's components, registered above under this id.
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"https://motcua.example/openapi#/components/'));
    const validate = ajv.compile(rebased);
    const ok = validate(res.json());
    expect(ok, `${what}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  }

  it('answers the public catalogue, directory and calendar as documented', async () => {
    const anonymous = t.anonymous();
    const cases: Array<[string, string]> = [
      ['/api/v1/public/procedures', '/api/v1/public/procedures?q=khai%20sinh'],
      ['/api/v1/public/procedures/{code}', '/api/v1/public/procedures/1.000894'],
      ['/api/v1/public/procedures/{code}', '/api/v1/public/procedures/KHONG.CO.THU.TUC'],
      ['/api/v1/public/procedure-fields', '/api/v1/public/procedure-fields'],
      ['/api/v1/public/procedure-changes', '/api/v1/public/procedure-changes?from=2025-01&to=2025-12'],
      ['/api/v1/public/agencies', '/api/v1/public/agencies'],
      ['/api/v1/public/holidays/{year}', '/api/v1/public/holidays/2026'],
      ['/api/v1/public/procedures', '/api/v1/public/procedures?limit=0'],
    ];
    const statuses: number[] = [];
    for (const [template, url] of cases) {
      const res = await anonymous.get(url);
      statuses.push(res.statusCode);
      expectDocumented(template, 'GET', res);
    }
    expect(statuses).toEqual([200, 200, 404, 200, 200, 200, 200, 400]);
  });

  it('answers a dossier’s intake, list, detail, action and public status as documented', async () => {
    const intake = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Đỗ Văn Tài', idNumber: '036080001234' }, components: [{ index: 0, received: true }],
    });
    expect(intake.statusCode, intake.body).toBe(201);
    expectDocumented('/api/v1/dossiers', 'POST', intake);
    const { id, code } = intake.json();
    expectDocumented('/api/v1/dossiers', 'GET', await officer.get('/api/v1/dossiers?view=all&status=received,processing'));
    expectDocumented('/api/v1/dossiers/{id}', 'GET', await officer.get(`/api/v1/dossiers/${id}`));
    expectDocumented('/api/v1/dossiers/by-code/{code}', 'GET', await officer.get(`/api/v1/dossiers/by-code/${code}`));
    const transfer = await officer.post(`/api/v1/dossiers/${id}/actions`, { action: 'transfer' });
    expect(transfer.statusCode, transfer.body).toBe(200);
    expectDocumented('/api/v1/dossiers/{id}/actions', 'POST', transfer);
    const again = await officer.post(`/api/v1/dossiers/${id}/actions`, { action: 'transfer' });
    expect(again.statusCode).toBe(409);
    expectDocumented('/api/v1/dossiers/{id}/actions', 'POST', again);
    expectDocumented('/api/v1/public/dossiers/{code}', 'GET', await t.anonymous().get(`/api/v1/public/dossiers/${code}`));
    expectDocumented('/api/v1/dossiers', 'GET', await t.anonymous().get('/api/v1/dossiers'));
    expectDocumented('/api/v1/dossiers', 'GET', await officer.get('/api/v1/dossiers?status=pending'));
  });

  it('answers reports, staff accounts, the audit trail and agencies as documented', async () => {
    const period = 'from=2025-01-01&to=2025-12-31';
    expectDocumented('/api/v1/reports/statistics', 'GET', await leader.get(`/api/v1/reports/statistics?${period}`));
    expectDocumented('/api/v1/reports/trend', 'GET', await leader.get(`/api/v1/reports/trend?${period}`));
    expectDocumented('/api/v1/reports/dossiers', 'GET', await leader.get(`/api/v1/reports/dossiers?${period}&key=received`));
    expectDocumented('/api/v1/reports/statistics', 'GET', await officer.get(`/api/v1/reports/statistics?${period}`));
    expectDocumented('/api/v1/users', 'GET', await admin.get('/api/v1/users'));
    expectDocumented('/api/v1/audit-events', 'GET', await admin.get('/api/v1/audit-events?limit=20'));
    expectDocumented('/api/v1/agencies', 'GET', await admin.get('/api/v1/agencies'));
    const agencyId = await t.agencyId('000.41.00.H40');
    expectDocumented('/api/v1/agencies/{id}/offices', 'GET', await admin.get(`/api/v1/agencies/${agencyId}/offices`));
    expectDocumented('/api/v1/auth/me', 'GET', await officer.get('/api/v1/auth/me'));
  });

  it('answers 204 with no body where the document says 204', async () => {
    const agencyId = await t.agencyId('000.41.00.H40');
    const calendar = await admin.request('PUT', `/api/v1/agencies/${agencyId}/calendar`, { weeklyDaysOff: [0, 6] });
    expect(calendar.statusCode).toBe(204);
    expectDocumented('/api/v1/agencies/{id}/calendar', 'PUT', calendar);
    const leaving = await t.signIn('chuyenvien.giaothuy');
    const logout = await leaving.post('/api/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    expectDocumented('/api/v1/auth/logout', 'POST', logout);
  });

  it('answers 404 for an empty parameter after a trailing slash, and tolerates a trailing slash elsewhere', async () => {
    const anonymous = t.anonymous();
    const empty = await anonymous.get('/api/v1/public/procedures/');
    expect(empty.statusCode).toBe(404);
    expect(empty.json().code).toBe('request.not_found');
    expectDocumented('/api/v1/public/procedures', 'GET', empty);
    expect((await anonymous.get('/api/v1/public/procedures/?q=khai')).statusCode).toBe(404);
    expect((await officer.get('/api/v1/dossiers/')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/public/procedure-fields/')).statusCode).toBe(200);
    expect((await officer.get('/api/v1/auth/me/')).statusCode).toBe(200);
    expect((await anonymous.get('/api/v1/public/procedures/1.000894/')).statusCode).toBe(200);
  });
});
