/**
 * What the server records carries the server's clock (`deps.clock`, set by MOTCUA_CLOCK_START in
 * a running server), never the database's: an audit row written at a shifted hour is found on
 * that hour's day, and the trail's order agrees with the dossiers' own history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

describe.each(databaseKinds)('the server clock on %s', (kind) => {
  // Years away from the real time, so that a row stamped by the database's own clock shows.
  const now = new Date('2031-02-03T09:15:00+07:00');
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now, config: { SESSION_TTL_HOURS: '720' } });
    admin = await t.signIn('quantri');
  });
  afterAll(async () => t?.close());

  const auditAt = async (action: string) => {
    const rows = await t.database.db.selectFrom('audit_events').select('at').where('action', '=', action).execute();
    return rows.map((r) => new Date(r.at).toISOString());
  };

  it('stamps sign-ins, failed sign-ins and sign-outs with the server clock', async () => {
    const stranger = t.anonymous();
    stranger.csrfToken = (await stranger.get('/api/v1/auth/csrf')).json().csrfToken;
    expect((await stranger.post('/api/v1/auth/login', { username: 'quantri', password: 'wrong-password' })).statusCode).toBe(401);
    const officer = await t.signIn('canbo.giaothuy');
    expect((await officer.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    for (const action of ['auth.signed_in', 'auth.sign_in_failed', 'auth.signed_out']) {
      expect(new Set(await auditAt(action)), action).toEqual(new Set([now.toISOString()]));
    }
  });

  it('stamps an administrator’s change with the server clock, so the trail finds it on that day', async () => {
    const id = await t.agencyId('000.41.00.H40');
    const res = await admin.request('PATCH', `/api/v1/agencies/${id}`, { shortName: 'UBND xã Giao Thủy' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditAt('agency.updated')).toEqual([now.toISOString()]);
    const trail = await admin.get('/api/v1/audit-events?from=2031-02-03&to=2031-02-03&action=agency.');
    expect(trail.statusCode, trail.body).toBe(200);
    expect(trail.json().items.map((e: { action: string }) => e.action)).toContain('agency.updated');
  });
});
