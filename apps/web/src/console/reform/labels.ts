/** How reform plans' values read in the UI: the domain's labels of the areas and states, in the active language. */
import { reformAreaLabels, reformAreas, reformTaskStateLabels, reformTaskStates, type ReformArea, type ReformTaskState } from '@motcua/domain';
import type { Language } from '../../shared/i18n/index.ts';
import type { UnitOut } from './reform.api.ts';

export const areaLabel = (area: ReformArea, language: Language): string => reformAreaLabels[area][language];
export const stateLabel = (state: ReformTaskState, language: Language): string => reformTaskStateLabels[state][language];

export const areaOptions = (language: Language) => reformAreas.map((a) => ({ value: a.key, label: a[language] }));
export const stateOptions = (language: Language) => reformTaskStates.map((s) => ({ value: s, label: stateLabel(s, language) }));

/** The six areas are numbered I–VI in plans, as the programme lists them (the domain's numbering). */
export { reformAreaNumeral as areaNumeral, reformTaskCode as taskCode } from '@motcua/domain';

/** Badge colours by state: overdue stands out in red; done ones are green (late: orange). */
export const stateColor: Record<ReformTaskState, string> = {
  done_on_time: 'green', done_late: 'orange', overdue: 'red', in_progress: 'blue', not_started: 'gray',
};

/** A filled badge (an overdue task) needs a darker shade for white text to stay readable (WCAG AA). */
export const stateBadgeColor = (state: ReformTaskState, filled: boolean): string => (filled ? `${stateColor[state]}.9` : stateColor[state]);

/** "Văn phòng - Thống kê" for a unit of the plan's agency, "Tư pháp (UBND xã X)" for one elsewhere, the agency's name for a whole agency. */
export const unitName = (unit: UnitOut): string => (unit.kind === 'unit' && !unit.ofPlanAgency ? `${unit.name} (${unit.agencyName})` : unit.name);

export const unitKey = (unit: Pick<UnitOut, 'kind' | 'id'>): string => `${unit.kind}:${unit.id}`;
