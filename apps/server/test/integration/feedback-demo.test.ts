/**
 * The demo's feedback (apps/server/src/demo/feedback.ts), made through the real use cases at past
 * instants: every status shows, the published answers carry no sender's personal data, and a
 * second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemoFeedback } from '../../src/demo/feedback.ts';

describe.each(databaseKinds)('demo feedback on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date('2026-12-07T10:00:00+07:00') });
  });
  afterAll(async () => t?.close());

  it('shows every status, publishes without personal data, and is made once', async () => {
    expect(await seedDemoFeedback(t.deps)).toBe(9);
    const rows = await t.database.db.selectFrom('feedback').select(['status', 'published_at', 'published_content', 'published_answer', 'due_at', 'answered_at']).execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['received', 'assigned', 'waiting_sender', 'answered', 'refused']));
    const published = rows.filter((r) => r.published_at !== null);
    expect(published).toHaveLength(3);
    for (const r of published) {
      for (const personal of ['Nguyễn Thị Hoa', '0912 345 678', 'tran.binh@example.vn', 'Số 45']) expect(`${r.published_content} ${r.published_answer}`).not.toContain(personal);
    }
    expect(rows.some((r) => r.answered_at !== null && r.answered_at > r.due_at)).toBe(true);
    const events = await t.database.db.selectFrom('feedback_events').select('action').execute();
    expect(events.filter((e) => e.action === 'publish')).toHaveLength(3);
    expect(await seedDemoFeedback(t.deps)).toBe(0);
  });
});
