import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

const communeA = '000.41.00.H40';
const communeB = '000.42.00.H40';

describe.each(databaseKinds)('staff account administration on %s', (kind) => {
  let t: TestApp;
  let province: Agent;
  let aId: string;
  let bId: string;
  const userIdOf = async (username: string) =>
    (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const auditOf = async (userId: string) =>
    (await t.database.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', userId).orderBy('id').execute());

  beforeAll(async () => {
    t = await startTestApp(kind);
    province = await t.signIn('quantri');
    aId = await t.agencyId(communeA);
    bId = await t.agencyId(communeB);
  });
  afterAll(async () => t?.close());

  it('finds accounts by username, e-mail or full name typed without diacritics', async () => {
    const byName = (await province.get(`/api/v1/users?q=${encodeURIComponent('pham thi thu')}`)).json();
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['canbo.giaothuy']);
    expect(byName.total).toBe(1);
    const byUsername = (await province.get('/api/v1/users?q=GIAOTHUY')).json();
    expect(byUsername.items.map((u: { username: string }) => u.username)).toEqual(['canbo.giaothuy', 'chuyenvien.giaothuy', 'hotro.giaothuy', 'lanhdao.giaothuy']);
    expect((await province.get('/api/v1/users?q=100%25')).json().total).toBe(0);
  });

  it('disables an account: its session ends at once, it cannot sign in, and enabling it lets it back', async () => {
    const officer = await t.signIn('canbo.giaothuy');
    const id = await userIdOf('canbo.giaothuy');
    const res = await province.request('PATCH', `/api/v1/users/${id}`, { disabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await officer.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.signIn('canbo.giaothuy')).rejects.toThrow(/403/);

    expect((await province.request('PATCH', `/api/v1/users/${id}`, { disabled: false, phone: '0912 345 678' })).json()).toMatchObject({ disabled: false, phone: '0912 345 678' });
    expect((await (await t.signIn('canbo.giaothuy')).get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('replaces the roles an administrator manages and keeps the roles held elsewhere', async () => {
    // A commune administrator, and a specialist who works at both communes.
    const created = await province.post('/api/v1/users', {
      username: 'quantri.xa.a', fullName: 'Quản trị xã A', password: 'Quan-tri-xa-2026', assignments: [{ role: 'admin', agencyId: aId }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const both = await province.post('/api/v1/users', {
      username: 'chuyenvien.hai.xa', fullName: 'Chuyên viên hai xã', password: 'Chuyen-vien-2026',
      assignments: [{ role: 'specialist', agencyId: aId }, { role: 'specialist', agencyId: bId }],
    });
    const bothId = both.json().id;
    const communeAdmin = await t.signIn('quantri.xa.a', 'Quan-tri-xa-2026');

    const res = await communeAdmin.request('PUT', `/api/v1/users/${bothId}/assignments`, {
      assignments: [{ role: 'officer', agencyId: aId }, { role: 'leader', agencyId: aId }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const roles = (await province.get(`/api/v1/users/${bothId}`)).json().assignments.map((a: { role: string; agencyCode: string }) => `${a.role}@${a.agencyCode}`);
    expect(roles.sort()).toEqual([`leader@${communeA}`, `officer@${communeA}`, `specialist@${communeB}`]);

    // Granting a role outside the commune is refused, and so is disabling an account that also works at commune B.
    const outside = await communeAdmin.request('PUT', `/api/v1/users/${bothId}/assignments`, { assignments: [{ role: 'officer', agencyId: bId }] });
    expect(outside.statusCode).toBe(403);
    const disable = await communeAdmin.request('PATCH', `/api/v1/users/${bothId}`, { disabled: true });
    expect(disable.statusCode).toBe(403);
    expect(disable.json().messages.en).toMatch(/outside your administration/);
    const audit = await auditOf(bothId);
    expect(audit.map((e) => e.action)).toEqual(['user.created', 'user.roles_changed']);
    expect(audit[1]!.details).toMatchObject({ after: [{ role: 'officer', agencyId: aId }, { role: 'leader', agencyId: aId }] });
  });

  it('resets a password: the old one stops working, the sessions end, and the password is never audited', async () => {
    const specialist = await t.signIn('chuyenvien.giaothuy');
    const id = await userIdOf('chuyenvien.giaothuy');
    expect((await province.post(`/api/v1/users/${id}/password`, { password: 'short' })).statusCode).toBe(400);
    const res = await province.post(`/api/v1/users/${id}/password`, { password: 'Mat-khau-moi-2026' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await specialist.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.signIn('chuyenvien.giaothuy')).rejects.toThrow(/401/);
    expect((await (await t.signIn('chuyenvien.giaothuy', 'Mat-khau-moi-2026')).get('/api/v1/auth/me')).statusCode).toBe(200);
    const audit = await auditOf(id);
    expect(audit.map((e) => e.action)).toContain('user.password_reset');
    expect(JSON.stringify(audit)).not.toContain('Mat-khau-moi-2026');
  });

  it('refuses to let administrators disable themselves, change their own roles or reset their own password', async () => {
    const self = await userIdOf('quantri');
    const disable = await province.request('PATCH', `/api/v1/users/${self}`, { disabled: true });
    expect(disable.statusCode).toBe(400);
    expect(disable.json().code).toBe('user.self_change_not_allowed');
    expect((await province.request('PUT', `/api/v1/users/${self}/assignments`, { assignments: [{ role: 'officer', agencyId: aId }] })).statusCode).toBe(400);
    expect((await province.post(`/api/v1/users/${self}/password`, { password: 'Mat-khau-moi-2026' })).statusCode).toBe(400);
    expect((await province.get('/api/v1/auth/me')).statusCode).toBe(200);
    // Their own name they may correct.
    expect((await province.request('PATCH', `/api/v1/users/${self}`, { fullName: 'Nguyễn Văn Quản' })).statusCode).toBe(200);
  });
});
