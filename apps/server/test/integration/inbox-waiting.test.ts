/**
 * Online dossiers waiting to be received lead the inbox: no clock runs for them yet, so an order
 * by appointment would put them last. Each says how long it has waited, in working time on the
 * receiving agency's calendar (docs/rules/time.md): a weekend nobody is at the counter does not count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

const at = (iso: string) => Date.parse(iso);

interface Item { code: string; status: string; submittedAt: string | null; waitingWorkingMinutes: number | null }

describe.each(databaseKinds)('the inbox and online dossiers waiting to be received on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-07T16:00:00+07:00');
  let officer: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => t?.close());

  const submitOnline = async () => {
    const file = multipartFile('to-khai.pdf', samplePdf, 'application/pdf');
    const uploaded = (await t.anonymous().request('POST', '/api/v1/public/files', file.payload, file.headers)).json() as { id: string; uploadToken: string };
    const res = await t.anonymous().post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40',
      applicant: { name: 'Phạm Minh Khôi', phone: '0901234567' },
      components: [{ index: 0, fileIds: [uploaded.id] }], uploadTokens: { [uploaded.id]: uploaded.uploadToken },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { code: string }).code;
  };
  const receiveAtCounter = async () => {
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894',
      applicant: { name: 'Lê Văn Đức', idNumber: '036085001111', phone: '0987654321' },
      components: [{ index: 0, received: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { code: string }).code;
  };

  it('puts a dossier submitted online on Friday afternoon before the counter’s dossiers on Monday, waiting two working hours', async () => {
    now = at('2025-03-07T16:00:00+07:00'); // Friday
    const online = await submitOnline();
    now = at('2025-03-10T08:30:00+07:00'); // Monday
    const counter = await receiveAtCounter();
    now = at('2025-03-10T09:00:00+07:00');

    const res = await officer.get('/api/v1/dossiers?view=inbox&limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Item[] }).items;
    const codes = items.map((i) => i.code);
    expect(codes).toContain(counter);
    expect(codes.indexOf(online)).toBeLessThan(codes.indexOf(counter));
    // Every waiting dossier before any other, the longest waiting first.
    const firstOther = items.findIndex((i) => i.status !== 'submitted');
    expect(items.slice(firstOther).some((i) => i.status === 'submitted')).toBe(false);
    const waiting = items.slice(0, firstOther);
    expect(waiting.map((i) => i.submittedAt)).toEqual(waiting.map((i) => i.submittedAt).sort());
    // Friday 16:00–17:00 and Monday 08:00–09:00.
    expect(items.find((i) => i.code === online)?.waitingWorkingMinutes).toBe(120);
    expect(items.find((i) => i.code === counter)?.waitingWorkingMinutes).toBeNull();
  });

  it('counts the dossiers waiting to be received for the workspace with the inbox’s status filter', async () => {
    const all = ((await officer.get('/api/v1/dossiers?view=inbox&limit=200')).json() as { items: Item[] }).items;
    const waiting = await officer.get('/api/v1/dossiers?view=inbox&status=submitted&limit=1');
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect((waiting.json() as { total: number }).total).toBe(all.filter((i) => i.status === 'submitted').length);
    expect((waiting.json() as { total: number }).total).toBeGreaterThan(0);
  });
});
