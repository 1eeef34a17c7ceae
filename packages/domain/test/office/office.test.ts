import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AppError, agencyAbbreviation, allowedOfficeActions, decideOfficeAction, documentSymbol, formatDocumentNumber, formatInstant,
  handlingDueAt, isHandlingOverdue, numberAndSymbol, officeActions, officeTransitions, officialDocumentTypeDefinitions,
  officialDocumentTypes, parseInstant, registerYearOf, type OfficialDocumentStatus, type StaffRole,
} from '../../src/index.ts';
import { calendar } from '../calendar/support.ts';

const at = (s: string) => parseInstant(s);
const roles = (...r: StaffRole[]) => new Set(r);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
};

describe('numbers of the registers (Decree 30/2020 art. 15)', () => {
  it('prints at least two digits: 01, 02, … 10, 100', () => {
    expect([1, 2, 9, 10, 99, 100, 1234].map(formatDocumentNumber)).toEqual(['01', '02', '09', '10', '99', '100', '1234']);
    expect(codeOf(() => formatDocumentNumber(0))).toBe('office.invalid_number');
    expect(codeOf(() => formatDocumentNumber(1.5))).toBe('office.invalid_number');
  });

  it('gives a document registered at 23:30 on 31 December to that year and one at 00:10 on 1 January to the next, in Vietnam time', () => {
    expect(registerYearOf(at('2026-12-31T23:30:00+07:00'))).toBe(2026);
    expect(registerYearOf(at('2027-01-01T00:10:00+07:00'))).toBe(2027);
    // The same instants in UTC: 16:30 and 17:10 on 31 December.
    expect(registerYearOf(at('2026-12-31T17:10:00Z'))).toBe(2027);
    expect(registerYearOf(at('2026-12-31T16:59:59.999Z'))).toBe(2026);
  });

  it('is the Vietnam-time year of every instant (property)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => {
      expect(registerYearOf(t)).toBe(new Date(t + 7 * 3_600_000).getUTCFullYear());
    }));
  });
});

describe('symbols (Decree 30/2020 Annex III)', () => {
  it('writes a decision of a People’s Committee as 12/QĐ-UBND', () => {
    expect(numberAndSymbol(12, documentSymbol({ type: 'quyet_dinh', agencyAbbreviation: 'UBND' }))).toBe('12/QĐ-UBND');
    expect(numberAndSymbol(3, documentSymbol({ type: 'quy_dinh', agencyAbbreviation: 'STP' }))).toBe('03/QyĐ-STP');
    expect(documentSymbol({ type: 'to_trinh', agencyAbbreviation: 'UBND', draftingUnitAbbreviation: 'VP' })).toBe('TTr-UBND');
  });

  it('writes a letter (công văn) with the agency and the drafting unit: 34/UBND-VP', () => {
    expect(numberAndSymbol(34, documentSymbol({ type: 'cong_van', agencyAbbreviation: 'UBND', draftingUnitAbbreviation: 'VP' }))).toBe('34/UBND-VP');
    expect(codeOf(() => documentSymbol({ type: 'cong_van', agencyAbbreviation: 'UBND' }))).toBe('office.drafting_unit_required');
  });

  it('has an abbreviation for every kind but the letter, each one different', () => {
    const abbreviations = officialDocumentTypes.map((t) => officialDocumentTypeDefinitions[t].abbreviation);
    expect(abbreviations.filter((a) => a === null)).toHaveLength(1);
    expect(officialDocumentTypeDefinitions.cong_van.abbreviation).toBeNull();
    const given = abbreviations.filter(Boolean);
    expect(new Set(given).size).toBe(given.length);
  });

  it('abbreviates a People’s Committee at any level as UBND and a department by the initials of its name without the place', () => {
    expect(agencyAbbreviation('Ủy ban nhân dân xã Giao Thủy')).toBe('UBND');
    expect(agencyAbbreviation('Ủy ban nhân dân tỉnh Ninh Bình')).toBe('UBND');
    expect(agencyAbbreviation('Hội đồng nhân dân tỉnh Ninh Bình')).toBe('HĐND');
    expect(agencyAbbreviation('Sở Tư pháp tỉnh Ninh Bình')).toBe('STP');
    expect(agencyAbbreviation('Sở Xây dựng tỉnh Ninh Bình')).toBe('SXD');
  });
});

describe('states of an outgoing document: drafted → approved → signed → issued', () => {
  it('lets the leader approve and sign, send an approved draft back, and the clerk’s office issue', () => {
    expect(decideOfficeAction('outgoing', 'drafted', 'approve', roles('leader')).to).toBe('approved');
    expect(decideOfficeAction('outgoing', 'approved', 'send_back', roles('leader')).to).toBe('drafted');
    expect(decideOfficeAction('outgoing', 'approved', 'sign', roles('leader')).to).toBe('signed');
    expect(decideOfficeAction('outgoing', 'signed', 'issue', roles('officer')).to).toBe('issued');
  });

  it('refuses a step out of order (409) and a step by the wrong role (403)', () => {
    expect(codeOf(() => decideOfficeAction('outgoing', 'drafted', 'sign', roles('leader')))).toBe('office.transition_not_allowed');
    expect(codeOf(() => decideOfficeAction('outgoing', 'drafted', 'issue', roles('officer')))).toBe('office.transition_not_allowed');
    expect(codeOf(() => decideOfficeAction('outgoing', 'signed', 'send_back', roles('leader')))).toBe('office.transition_not_allowed');
    expect(codeOf(() => decideOfficeAction('outgoing', 'issued', 'issue', roles('officer')))).toBe('office.transition_not_allowed');
    expect(codeOf(() => decideOfficeAction('outgoing', 'drafted', 'approve', roles('specialist', 'officer')))).toBe('auth.forbidden');
    expect(codeOf(() => decideOfficeAction('outgoing', 'signed', 'issue', roles('leader')))).toBe('auth.forbidden');
    expect(codeOf(() => decideOfficeAction('incoming', 'registered', 'approve', roles('leader')))).toBe('office.transition_not_allowed');
  });

  it('offers as buttons exactly the steps it would accept (property)', () => {
    const statuses: OfficialDocumentStatus[] = ['drafted', 'approved', 'signed', 'issued', 'registered', 'routed', 'handled'];
    const allRoles: StaffRole[] = ['officer', 'specialist', 'leader', 'manager', 'admin', 'helper'];
    fc.assert(fc.property(fc.constantFrom(...statuses), fc.subarray(allRoles), (status, held) => {
      const direction = (['drafted', 'approved', 'signed', 'issued'] as string[]).includes(status) ? 'outgoing' : 'incoming';
      const allowed = allowedOfficeActions(direction, status, new Set(held));
      for (const action of officeActions) {
        const accepted = codeOf(() => decideOfficeAction(direction, status, action, new Set(held))) === undefined;
        expect(accepted).toBe(allowed.includes(action));
      }
    }));
  });

  it('ends in issued and handled: no step leaves them', () => {
    expect(allowedOfficeActions('outgoing', 'issued', roles('officer', 'leader', 'specialist'))).toEqual([]);
    expect(allowedOfficeActions('incoming', 'handled', roles('officer', 'leader', 'specialist'))).toEqual([]);
    expect(Object.values(officeTransitions).every((t) => !t.from.includes('issued') && !t.from.includes('handled'))).toBe(true);
  });
});

describe('states of an incoming document: registered → routed → handled', () => {
  it('routes (and reroutes) by the clerk’s office or a leader, and closes by the handling staff', () => {
    expect(allowedOfficeActions('incoming', 'registered', roles('officer'))).toEqual(['route']);
    expect(allowedOfficeActions('incoming', 'routed', roles('specialist'))).toEqual(['handle']);
    expect(allowedOfficeActions('incoming', 'routed', roles('leader'))).toEqual(['route', 'handle']);
    expect(codeOf(() => decideOfficeAction('incoming', 'registered', 'handle', roles('specialist')))).toBe('office.transition_not_allowed');
  });
});

describe('the handling deadline on the legal clock', () => {
  it('counts working days from the route, over the weekend', () => {
    // Friday 4 December 2026, 10:00: three working days end on Wednesday 9 December at 10:00.
    expect(formatInstant(handlingDueAt(calendar, at('2026-12-04T10:00:00+07:00'), 3))).toBe('2026-12-09T10:00:00+07:00');
  });

  it('skips the New Year holiday', () => {
    // Thursday 31 December 2026, 10:00: 1 January 2027 is a holiday and 2–3 January a weekend.
    const due = handlingDueAt(calendar, at('2026-12-31T10:00:00+07:00'), 1);
    expect(formatInstant(due)).toBe('2027-01-04T10:00:00+07:00');
  });

  it('refuses a handling time of zero or more than 60 working days', () => {
    expect(codeOf(() => handlingDueAt(calendar, at('2026-12-04T10:00:00+07:00'), 0))).toBe('office.invalid_deadline');
    expect(codeOf(() => handlingDueAt(calendar, at('2026-12-04T10:00:00+07:00'), 61))).toBe('office.invalid_deadline');
  });

  it('is overdue only while routed and strictly after the deadline', () => {
    const dueAt = at('2026-12-09T10:00:00+07:00');
    expect(isHandlingOverdue({ status: 'routed', dueAt }, dueAt)).toBe(false);
    expect(isHandlingOverdue({ status: 'routed', dueAt }, dueAt + 1)).toBe(true);
    expect(isHandlingOverdue({ status: 'handled', dueAt }, dueAt + 1)).toBe(false);
  });
});
