import { describe, expect, it } from 'vitest';
import { rolesByAgency } from '../../src/console/assignments.ts';
import type { StaffAssignment } from '../../src/console/auth/session.ts';
import { safeNextPath, visibleSections } from '../../src/console/navigation.ts';

const at = (role: StaffAssignment['role'], agencyId = 'a41'): StaffAssignment => ({
  role, agencyId, agencyCode: `code-${agencyId}`, agencyName: `Agency ${agencyId}`,
});
const keys = (assignments: StaffAssignment[]) => visibleSections(assignments).map((s) => s.key);

describe('console navigation', () => {
  it('offers a counter officer the inbox, intake, assisted filing, surveys, the document registers, feedback, reform plans and the messages sent, not reports or administration', () => {
    expect(keys([at('officer')])).toEqual(['home', 'inbox', 'intake', 'assisted', 'surveys', 'documents', 'feedback', 'reform', 'notifications']);
  });

  it('offers reports, external figures, the document registers, feedback and the low ratings to handle to leaders and managers', () => {
    expect(keys([at('leader')])).toEqual(['home', 'inbox', 'reports', 'surveys', 'externalFigures', 'documents', 'feedback', 'reform', 'notifications', 'ratings']);
    expect(keys([at('manager')])).toEqual(['home', 'reports', 'surveys', 'externalFigures', 'documents', 'feedback', 'reform', 'notifications', 'ratings']);
  });

  it('offers administration and the message templates to administrators only, with the reports and messages of their agencies', () => {
    expect(keys([at('admin')])).toEqual(['home', 'reports', 'surveys', 'externalFigures', 'reform', 'notifications', 'templates', 'admin']);
    expect(keys([at('specialist')])).toEqual(['home', 'inbox', 'documents', 'feedback', 'reform', 'notifications']);
  });

  it('offers a community helper assisted filing only', () => {
    expect(keys([at('helper')])).toEqual(['home', 'assisted']);
  });

  it('joins the sections of every role a user holds', () => {
    expect(keys([at('officer'), at('manager', 'a00')])).toEqual([
      'home', 'inbox', 'intake', 'assisted', 'reports', 'surveys', 'externalFigures', 'documents', 'feedback', 'reform', 'notifications', 'ratings',
    ]);
  });

  it('sends the user back after sign-in only to a console page', () => {
    expect(safeNextPath('/console/tiep-nhan?x=1')).toBe('/console/tiep-nhan?x=1');
    expect(safeNextPath(null)).toBe('/console');
    expect(safeNextPath('https://evil.example/console')).toBe('/console');
    expect(safeNextPath('//evil.example/console')).toBe('/console');
    expect(safeNextPath('/console//evil.example')).toBe('/console');
    expect(safeNextPath('/console/dang-nhap?next=/console')).toBe('/console');
    expect(safeNextPath('/consolex')).toBe('/console');
    expect(safeNextPath('/console/\\evil.example')).toBe('/console');
  });

  it('groups a user’s roles by agency for the header', () => {
    expect(rolesByAgency([at('leader'), at('manager'), at('manager', 'a00')])).toEqual([
      { agencyCode: 'code-a41', agencyName: 'Agency a41', roles: ['leader', 'manager'] },
      { agencyCode: 'code-a00', agencyName: 'Agency a00', roles: ['manager'] },
    ]);
  });
});
