/**
 * The applicant of an online dossier acts without an account, with the access secret of the
 * receipt: sends the requested supplement (the clock stays stopped until an officer receives it)
 * or withdraws the dossier (form 05). A wrong or missing secret, or a dossier received at the
 * counter (no secret), answers 403 and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { sha256 } from '../../src/infra/tokens.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(databaseKinds)('applicant actions with the access secret on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T08:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
  });
  afterAll(async () => t?.close());

  const upload = async (name: string) => {
    const file = multipartFile(name, samplePdf, 'application/pdf');
    const res = await t.anonymous().request('POST', '/api/v1/public/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; uploadToken: string };
  };
  const act = (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) =>
    agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
  const applicant = (code: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.anonymous().post(`/api/v1/public/dossiers/${code}/actions`, body, headers);
  const written = async (code: string) => ({
    log: (await t.database.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('e.seq').where('d.code', '=', code).execute()).length,
    audit: (await t.database.db.selectFrom('audit_events').select(['actor_kind', 'action']).where('entity_id', '=', code).execute()),
  });

  /** An online dossier, received by the officer, in processing; a specialist asks for a supplement unless told not to. */
  const onlineDossier = async (options: { askSupplement?: boolean } = {}) => {
    now = at('2025-03-03T08:00:00+07:00');
    const tokhai = await upload('to-khai.pdf');
    const submitted = await t.anonymous().post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40',
      applicant: { name: 'Phạm Minh Khôi', phone: '0901234567' },
      components: [{ index: 0, fileIds: [tokhai.id] }], uploadTokens: { [tokhai.id]: tokhai.uploadToken },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id, code, accessSecret } = submitted.json() as { id: number; code: string; accessSecret: string };
    now = at('2025-03-03T09:00:00+07:00');
    const received = (await act(officer, id, 'receive')).json();
    expect(Date.parse(received.dueAt)).toBe(at('2025-03-10T09:00:00+07:00'));
    expect((await act(officer, id, 'transfer')).statusCode).toBe(200);
    if (options.askSupplement !== false) {
      now = at('2025-03-04T09:00:00+07:00');
      const asked = await act(specialist, id, 'request_supplement', { reasons: ['Bổ sung Giấy xác nhận tình trạng hôn nhân'], note: 'Bản chính hoặc bản chụp rõ nét' });
      expect(asked.statusCode, asked.body).toBe(200);
    }
    return { id, code, accessSecret };
  };

  it('takes the supplement sent online with the right secret; the officer receives it and the clock moves by the pause', async () => {
    const d = await onlineDossier();
    const pub = (await t.anonymous().get(`/api/v1/public/dossiers/${d.code}`)).json();
    expect(pub).toMatchObject({
      status: 'supplement_requested',
      supplementRequest: {
        items: ['Bổ sung Giấy xác nhận tình trạng hôn nhân'], note: 'Bản chính hoặc bản chụp rõ nét', submittedOnlineAt: null,
        components: expect.arrayContaining([{ index: 0, name: expect.any(String) }]),
      },
      applicantActions: ['submit_supplement', 'withdraw'],
    });
    now = at('2025-03-05T10:00:00+07:00');
    const scan = await upload('giay-xac-nhan.pdf');
    const before = await written(d.code);
    const body = {
      accessSecret: d.accessSecret, action: 'submit_supplement', note: 'Đã chụp bản chính',
      components: [{ index: 0, fileIds: [scan.id] }], uploadTokens: { [scan.id]: scan.uploadToken },
    };
    const res = await applicant(d.code, body, { 'idempotency-key': `supp-${kind}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'supplement_requested',
      clock: { state: 'stopped' },
      supplementRequest: { items: ['Bổ sung Giấy xác nhận tình trạng hôn nhân'], submittedOnlineAt: '2025-03-05T10:00:00+07:00' },
    });
    expect(res.json().steps.at(-1).label.vi).toBe('Nộp bổ sung trực tuyến');
    // A retried request with the same key creates nothing twice.
    const retried = await applicant(d.code, body, { 'idempotency-key': `supp-${kind}` });
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    const after = await written(d.code);
    expect(after.log).toBe(before.log + 1);
    expect(after.audit.slice(before.audit.length)).toEqual([{ actor_kind: 'citizen', action: 'dossier.submit_supplement' }]);

    // The officer sees the files and the log row, and still has the button to receive the supplement.
    const detail = (await officer.get(`/api/v1/dossiers/${d.id}`)).json();
    expect(detail.files).toEqual(expect.arrayContaining([expect.objectContaining({ id: scan.id, name: 'giay-xac-nhan.pdf', purpose: 'supplement', componentIndex: 0 })]));
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'submit_supplement', actorRole: 'citizen', note: 'Đã chụp bản chính' });
    const buttons = detail.allowedActions.map((a: { action: string }) => a.action);
    expect(buttons).toContain('receive_supplement');
    expect(buttons).not.toContain('submit_supplement');
    expect((await officer.get(`/api/v1/files/${scan.id}`)).statusCode).toBe(200);
    const inbox = (await officer.get('/api/v1/dossiers?view=inbox&status=supplement_requested')).json();
    expect(inbox.items.find((i: { code: string }) => i.code === d.code)).toMatchObject({ supplementSubmitted: true });
    // Staff cannot take the applicant's action.
    expect((await act(officer, d.id, 'submit_supplement')).statusCode).toBe(400);

    // Received two working days after the request: the appointment moves by two working days.
    now = at('2025-03-06T09:00:00+07:00');
    const back = (await act(officer, d.id, 'receive_supplement')).json();
    expect(back).toMatchObject({ status: 'processing', clock: { state: 'running' } });
    expect(Date.parse(back.clock.dueAt)).toBe(at('2025-03-12T09:00:00+07:00'));
    expect(Date.parse(back.dueAt)).toBe(at('2025-03-10T09:00:00+07:00'));
    const pubAfter = (await t.anonymous().get(`/api/v1/public/dossiers/${d.code}`)).json();
    expect(pubAfter).toMatchObject({ status: 'processing', supplementRequest: null, applicantActions: ['withdraw'] });
  });

  it('refuses a wrong or missing secret with 403 and writes nothing', async () => {
    const d = await onlineDossier();
    const scan = await upload('giay-xac-nhan.pdf');
    const before = await written(d.code);
    const components = [{ index: 0, fileIds: [scan.id] }];
    for (const accessSecret of ['wrong-secret', undefined]) {
      const res = await applicant(d.code, { accessSecret, action: 'submit_supplement', components, uploadTokens: { [scan.id]: scan.uploadToken } });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'dossier.access_denied' });
      expect(res.json().messages.vi).toMatch(/Mã bảo mật/);
    }
    expect(await written(d.code)).toEqual(before);
    const file = await t.database.db.selectFrom('files').select('dossier_id').where('id', '=', scan.id).executeTakeFirstOrThrow();
    expect(file.dossier_id).toBeNull();
  });

  it('refuses a supplement while the dossier is processing (409), and any action on a counter dossier (403)', async () => {
    const d = await onlineDossier({ askSupplement: false });
    const early = await applicant(d.code, { accessSecret: d.accessSecret, action: 'submit_supplement', note: 'Gửi thêm' });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('dossier.transition_not_allowed');
    const counter = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Lê Văn Đức', phone: '0987654321' }, components: [{ index: 0, received: true }],
    });
    expect(counter.statusCode, counter.body).toBe(201);
    const code = counter.json().code as string;
    const before = await written(code);
    const res = await applicant(code, { accessSecret: '', action: 'withdraw' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('dossier.access_denied');
    expect(await written(code)).toEqual(before);
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${code}`)).json().applicantActions).toEqual([]);
  });

  it('lets the applicant withdraw the dossier, which issues form 05 as the officer’s withdrawal does', async () => {
    const d = await onlineDossier();
    now = at('2025-03-05T10:00:00+07:00');
    const res = await applicant(d.code, { accessSecret: d.accessSecret, action: 'withdraw', note: 'Không còn nhu cầu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', clock: { state: 'closed' }, applicantActions: [], supplementRequest: null });
    const detail = (await officer.get(`/api/v1/dossiers/${d.id}`)).json();
    expect(detail).toMatchObject({ status: 'withdrawn', withdrawnAt: '2025-03-05T10:00:00+07:00' });
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'withdraw', actorRole: 'citizen', form: '05' });
    expect(detail.forms).toContain('05');
    const form = await officer.get(`/api/v1/dossiers/${d.id}/forms/05`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/pdf/);
  });

  it('reads the security code as it is read out: any case, spaces for dashes; a code of the older format still works', async () => {
    const d = await onlineDossier({ askSupplement: false });
    expect(d.accessSecret).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){3}[2-9A-HJKMNP-TV-Z]{4}$/);
    const spoken = d.accessSecret.toLowerCase().replace(/-/g, ' ');
    const wrongCase = await applicant(d.code, { accessSecret: spoken, action: 'withdraw' });
    expect(wrongCase.statusCode, wrongCase.body).toBe(200);

    const old = await onlineDossier({ askSupplement: false });
    const legacy = 'aB3-_x9QzK2mN7pR4sT6vW8y';
    await t.database.db.updateTable('dossiers').set({ access_secret_hash: sha256(legacy) }).where('id', '=', old.id).execute();
    expect((await applicant(old.code, { accessSecret: legacy.toUpperCase(), action: 'withdraw' })).statusCode).toBe(403);
    expect((await applicant(old.code, { accessSecret: ` ${legacy} `, action: 'withdraw' })).statusCode).toBe(200);
  });
});
