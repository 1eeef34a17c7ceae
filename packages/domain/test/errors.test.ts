import { describe, expect, it } from 'vitest';
import { AppError, errorCatalogue, errorCodes, errorDefinition } from '../src/errors.ts';

describe('the error catalogue', () => {
  it('gives every code a dotted name, an HTTP status and a Vietnamese and an English message', () => {
    for (const code of errorCodes) {
      const d = errorCatalogue[code];
      expect(code, code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503], code).toContain(d.status);
      expect(d.vi.trim().length, code).toBeGreaterThan(3);
      expect(d.en.trim().length, code).toBeGreaterThan(3);
      expect(d.vi, code).not.toBe(d.en);
    }
  });

  it('carries the status its code declares on every AppError', () => {
    expect(new AppError('dossier.not_found').status).toBe(404);
    expect(new AppError('rating.already_rated').status).toBe(409);
    expect(new AppError('file.unsupported_type').status).toBe(415);
    expect(new AppError('auth.throttled').status).toBe(429);
  });

  it('refuses a code that is not in the catalogue instead of guessing its status', () => {
    expect(() => errorDefinition('dossier.vanished')).toThrow(/unknown error code/);
    expect(() => new AppError('something.not_found' as never)).toThrow(/unknown error code/);
  });

  it('keeps a contextual message when one is given', () => {
    const e = new AppError('dossier.missing_components', { messages: { vi: 'Thiếu: Tờ khai', en: 'Missing: declaration' } });
    expect(e.messages.vi).toBe('Thiếu: Tờ khai');
    expect(e.status).toBe(400);
  });
});
