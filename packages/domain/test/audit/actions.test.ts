import { describe, expect, it } from 'vitest';
import { auditActionLabel, knownAuditActions } from '../../src/index.ts';

describe('the labels of audit actions', () => {
  it('gives every action the server records a Vietnamese and an English label, never its raw key', () => {
    for (const action of knownAuditActions) {
      const label = auditActionLabel(action);
      expect(label, action).toBeDefined();
      expect(label!.vi.trim(), action).not.toBe('');
      expect(label!.en.trim(), action).not.toBe('');
      expect(label!.vi, action).not.toContain(action);
    }
  });

  it('reads a sign-in, a survey and a dossier action in words', () => {
    expect(auditActionLabel('auth.signed_in')).toEqual({ vi: 'Đăng nhập', en: 'Signed in' });
    expect(auditActionLabel('survey.created')?.vi).toBe('Khảo sát: tạo mới');
    expect(auditActionLabel('dossier.receive')?.vi).toMatch(/^Hồ sơ: /);
    expect(auditActionLabel('document.sign')?.en).toBe('Document: signed');
  });

  it('knows no label for an action it never recorded', () => {
    expect(auditActionLabel('nothing.here')).toBeUndefined();
    expect(auditActionLabel('dossier.nothing')).toBeUndefined();
  });
});
