/**
 * Một cửa liên thông: one dossier handed along a chain of agencies (Decree 297/2025 art. 6:
 * household business 3 + security certificate 3 + karaoke licence 10 = 16 working days), each
 * agency working within its share; it stays one dossier, received and returned by the commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { pdfText, flat } from '../support/pdf-tools.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(databaseKinds)('an inter-agency dossier on %s', (kind) => {
  let t: TestApp;
  let now = at('2026-03-02T08:00:00+07:00');
  const agents: Record<string, Agent> = {};
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    for (const u of ['canbo.giaothuy', 'chuyenvien.giaothuy', 'lanhdao.giaothuy', 'canbo.congan', 'chuyenvien.congan', 'lanhdao.congan', 'canbo.vhttdl', 'chuyenvien.vhttdl', 'lanhdao.vhttdl', 'canbo.giaominh']) {
      agents[u] = await t.signIn(u);
    }
  });
  afterAll(async () => t?.close());

  it('moves along the chain, each agency seeing it in its inbox in turn, and comes back to the commune', async () => {
    const created = await agents['canbo.giaothuy']!.post('/api/v1/dossiers', {
      procedureCode: 'DEMO.301',
      applicant: { kind: 'organization', name: 'Hộ kinh doanh Karaoke Hoàng Long', representative: 'Hoàng Văn Long', idNumber: '036088004321', phone: '0977111222' },
      components: [0, 1, 2].map((index) => ({ index, received: true })),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, code } = created.json();
    // 16 working days from Mon 2 Mar 2026 08:00 end with the 16th day of work: Mon 23 Mar, 17:00.
    expect(Date.parse(created.json().dueAt)).toBe(at('2026-03-23T17:00:00+07:00'));

    const inboxCodes = async (u: string) => ((await agents[u]!.get('/api/v1/dossiers?view=inbox&limit=200')).json().items as Array<{ code: string }>).map((i) => i.code);
    const chain: Array<[string, string, string]> = [
      ['canbo.giaothuy', 'transfer', '000.41.00.H40'],
      ['chuyenvien.giaothuy', 'forward', '000.41.00.H40'],
      ['lanhdao.giaothuy', 'forward', '000.30.00.H40'],
      ['canbo.congan', 'forward', '000.30.00.H40'],
      ['chuyenvien.congan', 'forward', '000.30.00.H40'],
      ['lanhdao.congan', 'forward', '000.22.00.H40'],
      ['canbo.vhttdl', 'forward', '000.22.00.H40'],
      ['chuyenvien.vhttdl', 'forward', '000.22.00.H40'],
      ['lanhdao.vhttdl', 'resolve', '000.41.00.H40'],
    ];
    expect(await inboxCodes('canbo.congan')).not.toContain(code);
    expect((await agents['canbo.congan']!.get(`/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    for (const [user, action, handlingAfter] of chain) {
      now += 4 * 3600_000;
      expect(await inboxCodes(user), `${user} should see ${code} before ${action}`).toContain(code);
      if (user === 'lanhdao.giaothuy') {
        // Mid-chain, the commune's leader is told where the dossier goes and cannot record the result.
        const page = (await agents[user]!.get(`/api/v1/dossiers/${id}`)).json();
        expect(page.forwardTo).toEqual({ code: '000.30.00.H40', name: 'Công an tỉnh Ninh Bình' });
        expect(page.allowedActions.map((a: { action: string }) => a.action)).not.toContain('resolve');
        const early = await agents[user]!.post(`/api/v1/dossiers/${id}/actions`, { action: 'resolve' });
        expect(early.statusCode, early.body).toBe(409);
        expect(early.headers['content-type']).toContain('application/problem+json');
        expect(early.json()).toMatchObject({ code: 'dossier.transition_not_allowed' });
        expect(JSON.stringify(early.json())).toContain('hồ sơ liên thông chỉ do cơ quan cuối cùng');
        expect(JSON.stringify(early.json())).toContain('only the last agency of the chain');
      }
      if (user === 'chuyenvien.congan') {
        // Forward inside the police keeps the dossier there: no other agency to name.
        expect((await agents[user]!.get(`/api/v1/dossiers/${id}`)).json().forwardTo).toBeNull();
      }
      const res = await agents[user]!.post(`/api/v1/dossiers/${id}/actions`, { action });
      expect(res.statusCode, `${user} ${action}: ${res.body}`).toBe(200);
      expect(res.json().code).toBe(code);
      expect(res.json().handlingAgency.code).toBe(handlingAfter);
    }
    const returned = await agents['canbo.giaothuy']!.post(`/api/v1/dossiers/${id}/actions`, { action: 'return_result' });
    expect(returned.json()).toMatchObject({ status: 'returned', handlingAgency: { code: '000.41.00.H40' } });

    // One dossier, received by the commune; every agency of the chain appears in its log.
    expect((await t.database.db.selectFrom('dossiers').select('id').where('code', '=', code).execute())).toHaveLength(1);
    const handOffs = await t.database.db.selectFrom('dossier_events').select(['action', 'data', 'step_due_at', 'at']).where('dossier_id', '=', id).orderBy('seq').execute();
    expect(handOffs.filter((e) => e.data.toAgency).map((e) => `${e.data.fromAgency}→${e.data.toAgency}`)).toEqual([
      '000.41.00.H40→000.30.00.H40', '000.30.00.H40→000.22.00.H40', '000.22.00.H40→000.41.00.H40',
    ]);
    // The police intake step is due within the police's share of its budget, in working time.
    const toPolice = handOffs.find((e) => e.data.toAgency === '000.30.00.H40')!;
    expect(toPolice.step_due_at!.getTime()).toBeGreaterThan(toPolice.at.getTime());
    // Every agency of the chain keeps read access to the dossier it handled; an unrelated commune has none.
    expect((await agents['canbo.congan']!.get(`/api/v1/dossiers/${id}`)).statusCode).toBe(200);
    expect((await agents['canbo.giaominh']!.get(`/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    const sheet = flat(pdfText((await agents['canbo.giaothuy']!.get(`/api/v1/dossiers/${id}/forms/06`)).rawPayload, { layout: false }));
    expect(sheet).toContain('Công an tỉnh Ninh Bình');
    expect(sheet).toContain('Sở Văn hóa, Thể thao và Du lịch tỉnh Ninh Bình');

    // The audit trail records each step under the actor's own agency: the police's steps are the police's, not the commune's.
    const audited = await t.database.db.selectFrom('audit_events as e').innerJoin('agencies as a', 'a.id', 'e.agency_id')
      .select(['e.actor_name', 'e.action', 'a.code']).where('e.entity_id', '=', code).where('e.action', 'like', 'dossier.%').orderBy('e.id').execute();
    expect(audited.filter((e) => e.action === 'dossier.forward').map((e) => [e.actor_name, e.code])).toEqual([
      ['chuyenvien.giaothuy', '000.41.00.H40'], ['lanhdao.giaothuy', '000.41.00.H40'],
      ['canbo.congan', '000.30.00.H40'], ['chuyenvien.congan', '000.30.00.H40'], ['lanhdao.congan', '000.30.00.H40'],
      ['canbo.vhttdl', '000.22.00.H40'], ['chuyenvien.vhttdl', '000.22.00.H40'],
    ]);
    expect(audited.find((e) => e.action === 'dossier.resolve')).toMatchObject({ actor_name: 'lanhdao.vhttdl', code: '000.22.00.H40' });
    expect(audited.find((e) => e.action === 'dossier.return_result')).toMatchObject({ actor_name: 'canbo.giaothuy', code: '000.41.00.H40' });
  });
});
