import { describe, expect, it } from 'vitest';
import type { DossierDetail, TimelineEntry } from '../../src/console/dossiers/dossiers.api.ts';
import { activeStep, workflowProgress } from '../../src/console/dossiers/workflowProgress.ts';

const workflow: DossierDetail['workflow'] = [
  { key: 'intake', name: 'Tiếp nhận', role: 'officer', participant: 0, budget: { value: 4, unit: 'working_hours' } },
  { key: 'appraisal', name: 'Thẩm định', role: 'specialist', participant: 0, budget: { value: 3, unit: 'working_days' } },
  { key: 'approval', name: 'Phê duyệt', role: 'leader', participant: 0, budget: { value: 1, unit: 'working_days' } },
  { key: 'return', name: 'Trả kết quả', role: 'officer', participant: 0, budget: { value: 4, unit: 'working_hours' } },
];

const event = (seq: number, action: TimelineEntry['action'], at: string, toStatus: TimelineEntry['toStatus'], stepName: string | null = null, stepDueAt: string | null = null): TimelineEntry => ({
  seq, action, actionLabel: { vi: action, en: action }, at, actorName: null, actorRole: null, fromStatus: null, toStatus,
  stepName, stepDueAt, agencyCode: null, note: null, reasons: null, form: null, newDueAt: null,
});

const received = [
  event(1, 'submit', '2026-11-27T08:00:00+07:00', 'submitted'),
  event(2, 'receive', '2026-11-27T08:00:00+07:00', 'received', 'Tiếp nhận', '2026-11-27T12:00:00+07:00'),
];
const transferred = [...received, event(3, 'transfer', '2026-11-27T13:30:00+07:00', 'processing', 'Thẩm định', '2026-12-02T13:30:00+07:00')];
const now = Date.parse('2026-11-28T09:00:00+07:00');

describe('workflow progress of a dossier', () => {
  it('marks the step in hand current, the ones before it done, and the later ones pending', () => {
    const steps = workflowProgress({ workflow, timeline: transferred, status: 'processing', step: { index: 1, name: 'Thẩm định', role: 'specialist', dueAt: '2026-12-02T13:30:00+07:00', assigneeId: null } }, now);
    expect(steps.map((s) => s.state)).toEqual(['done', 'current', 'pending', 'pending']);
    expect(steps[1]!.dueAt).toBe('2026-12-02T13:30:00+07:00');
  });

  it('says a step was left late when the hand-off came after its due time', () => {
    const steps = workflowProgress({ workflow, timeline: transferred, status: 'processing', step: { index: 1, name: 'Thẩm định', role: 'specialist', dueAt: null, assigneeId: null } }, now);
    expect(steps[0]).toMatchObject({ state: 'done', dueAt: '2026-11-27T12:00:00+07:00', leftAt: '2026-11-27T13:30:00+07:00', late: true });
  });

  it('puts a result waiting at the counter on the closing step, without inventing its due time', () => {
    const timeline = [
      ...transferred,
      event(4, 'forward', '2026-11-28T08:30:00+07:00', 'processing', 'Phê duyệt', '2026-12-01T08:30:00+07:00'),
      event(5, 'resolve', '2026-11-28T08:45:00+07:00', 'resolved'),
    ];
    const dossier = { workflow, timeline, status: 'resolved' as const, step: { index: 3, name: 'Trả kết quả', role: 'officer' as const, dueAt: '2026-12-01T08:30:00+07:00', assigneeId: null } };
    expect(workflowProgress(dossier, now).map((s) => s.state)).toEqual(['done', 'done', 'done', 'current']);
    expect(activeStep(dossier)).toMatchObject({ name: 'Trả kết quả', dueAt: null });
  });

  it('has no step in progress once the result is returned', () => {
    const timeline = [...transferred, event(4, 'resolve', '2026-11-28T08:45:00+07:00', 'resolved'), event(5, 'return_result', '2026-11-28T09:00:00+07:00', 'returned')];
    const dossier = { workflow, timeline, status: 'returned' as const, step: { index: 3, name: 'Trả kết quả', role: 'officer' as const, dueAt: null, assigneeId: null } };
    expect(activeStep(dossier)).toBeNull();
    expect(workflowProgress(dossier, now).map((s) => s.state)).toEqual(['done', 'done', 'pending', 'done']);
  });

  it('shows a dossier not yet received with every step pending', () => {
    const steps = workflowProgress({ workflow, timeline: [received[0]!], status: 'submitted', step: null }, now);
    expect(steps.every((s) => s.state === 'pending' && s.dueAt === null)).toBe(true);
  });
});
