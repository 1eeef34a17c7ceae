/**
 * Console sections and the roles that see them. The server enforces access on every route; this
 * table only decides what the navigation offers.
 */
import type { StaffRole } from '@motcua/domain';
import {
  IconBell, IconChartBar, IconClipboardCheck, IconDeviceMobileMessage, IconFilePlus, IconFiles, IconInbox, IconLayoutDashboard, IconListCheck, IconMessage2Cog,
  IconMessageReport, IconMoodSad, IconSettings, IconTrophy, type Icon,
} from '@tabler/icons-react';
import type { StaffAssignment } from './auth/session.ts';

export type SectionKey =
  | 'home' | 'inbox' | 'intake' | 'assisted' | 'reports' | 'documents' | 'feedback' | 'reform' | 'notifications' | 'ratings' | 'templates' | 'admin'
  | 'surveys' | 'externalFigures';

export interface Section {
  key: SectionKey;
  path: string;
  icon: Icon;
  /** Roles that see the section; `'any'` for every signed-in staff member. */
  roles: readonly StaffRole[] | 'any';
}

export const sections: readonly Section[] = [
  { key: 'home', path: '/console', icon: IconLayoutDashboard, roles: 'any' },
  // Those who handle dossiers: the counter, the specialists who examine them, the leaders who sign.
  { key: 'inbox', path: '/console/ho-so', icon: IconInbox, roles: ['officer', 'specialist', 'leader'] },
  { key: 'intake', path: '/console/tiep-nhan', icon: IconFilePlus, roles: ['officer'] },
  // Assisted online filing: officers and community helpers prepare, the citizen confirms.
  { key: 'assisted', path: '/console/nop-ho', icon: IconDeviceMobileMessage, roles: ['officer', 'helper'] },
  { key: 'reports', path: '/console/bao-cao', icon: IconChartBar, roles: ['manager', 'leader', 'admin'] },
  // Satisfaction surveys (docs/rules/service-quality.md): designed by administrators and province or
  // district managers; read by the units surveyed, whose officers follow up the invitations.
  { key: 'surveys', path: '/console/khao-sat', icon: IconClipboardCheck, roles: ['officer', 'leader', 'manager', 'admin'] },
  // SIPAS and PAR Index as published (entered by administrators, read beside the reports).
  { key: 'externalFigures', path: '/console/so-lieu-ngoai', icon: IconTrophy, roles: ['manager', 'leader', 'admin'] },
  // The document office (văn thư): registers, drafts, approval, signature, issue.
  { key: 'documents', path: '/console/van-ban', icon: IconFiles, roles: ['officer', 'specialist', 'leader', 'manager'] },
  // Feedback and petitions (phản ánh, kiến nghị): intake, assignment, answers, publication.
  { key: 'feedback', path: '/console/phan-anh', icon: IconMessageReport, roles: ['officer', 'specialist', 'leader', 'manager'] },
  // Administrative-reform plans: every role but community helper (the server shows each only their units' tasks).
  { key: 'reform', path: '/console/cai-cach', icon: IconListCheck, roles: ['officer', 'specialist', 'leader', 'manager', 'admin'] },
  // What citizens and staff were told (mail, SMS, chat), and sending a failed message again.
  { key: 'notifications', path: '/console/thong-bao', icon: IconBell, roles: ['officer', 'specialist', 'leader', 'manager', 'admin'] },
  // Low satisfaction ratings of the user's units, for the leaders to put right (docs/rules/service-quality.md).
  { key: 'ratings', path: '/console/danh-gia', icon: IconMoodSad, roles: ['leader', 'manager'] },
  { key: 'templates', path: '/console/mau-thong-bao', icon: IconMessage2Cog, roles: ['admin'] },
  { key: 'admin', path: '/console/quan-tri', icon: IconSettings, roles: ['admin'] },
];

export function canSee(section: Section, assignments: readonly StaffAssignment[]): boolean {
  const roles = section.roles;
  return roles === 'any' || assignments.some((assignment) => roles.includes(assignment.role));
}

export function visibleSections(assignments: readonly StaffAssignment[]): Section[] {
  return sections.filter((section) => canSee(section, assignments));
}

export function sectionOf(key: SectionKey): Section {
  return sections.find((section) => section.key === key)!;
}

/** Where sign-in may send the user back to: console pages only (no open redirect). */
export function safeNextPath(next: string | null): string {
  if (!next || next.includes('//') || next.includes('\\')) return '/console';
  const inConsole = next === '/console' || next.startsWith('/console/') || next.startsWith('/console?');
  return inConsole && !next.startsWith('/console/dang-nhap') ? next : '/console';
}
