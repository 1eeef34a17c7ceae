/**
 * The rules a procedure entry must follow beyond its shape (which is checked with zod at the
 * boundary): time budgets that add up to the legal time, inter-agency shares, fees, dates, and
 * references to levels, agencies and other procedures. Every issue names the field it concerns.
 */
import type { FieldIssue } from '../errors.ts';
import {
  budgetMinutes, describeBudget, describeLegalTime, describeMinutes, legalMinutes, SAME_DAY_MAX_HOURS, sameMinutes,
  scaleOfBudgetUnit, scaleOfProcessingTime,
} from './budgets.ts';
import { isCatalogueDate, shiftDate } from './dates.ts';
import { validateEFormDefinition } from '../eforms/definition.ts';
import { checkFee } from './fee-checks.ts';
import {
  isEndEntry, type InterAgencyParticipant, type LegalProcessingTime, type ProcedureDefinitionInput, type ProcedureEndInput,
  type ProcedureEntryInput, type TimeBudget, type WorkflowStep,
} from './procedure.ts';

export type IssuePath = Array<string | number>;

/** A field issue that also keeps its path as segments, so a bundle can point at file and line. */
export interface ProcedureIssue extends FieldIssue {
  at: IssuePath;
}

/** What exists around the entry. A set that is given makes unknown references an issue. */
export interface CatalogueContext {
  /** Agency levels in use (`province`, `commune`, …). */
  levels?: ReadonlySet<string> | undefined;
  agencyCodes?: ReadonlySet<string> | undefined;
  /** Procedure codes known (stored, or elsewhere in the same bundle), for `replacedBy`. */
  procedureCodes?: ReadonlySet<string> | undefined;
}

/** Formats `['workflow', 1, 'budget']` as `workflow[1].budget`. */
export function formatIssuePath(path: IssuePath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

const issue = (at: IssuePath, message: string): ProcedureIssue => ({ at, path: formatIssuePath(at), message });

/** Every problem of an entry, with precise paths; an empty list means it can be stored. */
export function validateProcedure(entry: ProcedureEntryInput, context: CatalogueContext = {}): ProcedureIssue[] {
  return isEndEntry(entry) ? validateEnd(entry, context) : validateDefinition(entry, context);
}

function validateEnd(entry: ProcedureEndInput, context: CatalogueContext): ProcedureIssue[] {
  const issues: ProcedureIssue[] = [];
  if (!entry.validFrom && !entry.validTo) {
    issues.push(issue(['validTo'], `a procedure that is ${entry.status} needs validTo (its last day in force) or validFrom (the first day it no longer applies)`));
  }
  if (entry.validFrom && entry.validTo && isCatalogueDate(entry.validFrom) && isCatalogueDate(entry.validTo) &&
      shiftDate(entry.validFrom, -1) !== entry.validTo) {
    issues.push(issue(['validTo'], `validTo ${entry.validTo} must be the day before validFrom ${entry.validFrom}; give only one of them`));
  }
  issues.push(...checkDates(entry));
  if (entry.status === 'replaced') {
    if (!entry.replacedBy) issues.push(issue(['replacedBy'], 'a replaced procedure names the code of the procedure that replaces it'));
    else if (entry.replacedBy === entry.code) issues.push(issue(['replacedBy'], 'a procedure cannot replace itself'));
    else if (context.procedureCodes && !context.procedureCodes.has(entry.replacedBy)) {
      issues.push(issue(['replacedBy'], `unknown procedure "${entry.replacedBy}"`));
    }
  } else if (entry.replacedBy) {
    issues.push(issue(['replacedBy'], 'replacedBy goes with status "replaced", not "abolished"'));
  }
  return issues;
}

function checkDates(entry: { validFrom?: string | undefined; validTo?: string | undefined }): ProcedureIssue[] {
  return (['validFrom', 'validTo'] as const).flatMap((key) => {
    const value = entry[key];
    return value !== undefined && !isCatalogueDate(value) ? [issue([key], `"${value}" is not a date YYYY-MM-DD`)] : [];
  });
}

function validateDefinition(entry: ProcedureDefinitionInput, context: CatalogueContext): ProcedureIssue[] {
  const issues: ProcedureIssue[] = [];
  const push = (at: IssuePath, message: string) => issues.push(issue(at, message));

  if ((entry as { replacedBy?: unknown }).replacedBy !== undefined) push(['replacedBy'], 'replacedBy goes with status "replaced"');
  issues.push(...checkDates(entry));
  if (entry.validTo !== undefined) {
    push(['validTo'], 'an active procedure has no end date: end it with an entry of status "abolished" or "replaced"');
  }

  if (entry.levels.length === 0) push(['levels'], 'at least one agency level implements the procedure');
  entry.levels.forEach((level, i) => {
    if (entry.levels.indexOf(level) !== i) push(['levels', i], `level "${level}" is listed twice`);
    else if (context.levels && !context.levels.has(level)) push(['levels', i], `unknown agency level "${level}"${known(context.levels)}`);
  });
  (entry.agencies ?? []).forEach((code, i) => {
    if (context.agencyCodes && !context.agencyCodes.has(code)) push(['agencies', i], `unknown agency code "${code}"`);
  });

  issues.push(...checkProcessingTime(entry.processingTime));

  if (entry.lateReceiptWindowMinutes !== undefined && (entry.lateReceiptWindowMinutes < 1 || entry.lateReceiptWindowMinutes > 480)) {
    push(['lateReceiptWindowMinutes'], 'between 1 and 480 minutes (the last part of a working day)');
  }

  for (const f of checkFee(entry.fee)) push(f.at, f.message);

  entry.components.forEach((c, i) => {
    if (entry.components.findIndex((o) => o.name === c.name && o.kind === c.kind) !== i) {
      push(['components', i, 'name'], `component "${c.name}" (${c.kind}) is listed twice`);
    }
  });

  const chain = entry.interAgency ?? [];
  issues.push(...checkInterAgency(chain, entry.processingTime, context));
  if (entry.workflow) issues.push(...checkWorkflow(entry.workflow, chain, entry.processingTime));
  issues.push(...checkDetails(entry));
  if (entry.declaration) {
    for (const i of validateEFormDefinition(entry.declaration, entry.components.length)) issues.push(issue(['declaration', ...i.at], i.message));
  }
  return issues;
}

/** The public catalogue's details: the portal takes every procedure online, and legal texts carry real dates. */
function checkDetails(entry: ProcedureDefinitionInput): ProcedureIssue[] {
  const issues: ProcedureIssue[] = [];
  if (entry.channels) {
    if (!entry.channels.includes('online')) issues.push(issue(['channels'], 'the portal takes every procedure online: channels include "online"'));
    entry.channels.forEach((c, i) => {
      if (entry.channels!.indexOf(c) !== i) issues.push(issue(['channels', i], `channel "${c}" is listed twice`));
    });
  }
  (entry.legalDocuments ?? []).forEach((d, i) => {
    if (!isCatalogueDate(d.issuedOn)) issues.push(issue(['legalDocuments', i, 'issuedOn'], `"${d.issuedOn}" is not a date YYYY-MM-DD`));
  });
  return issues;
}

const known = (set: ReadonlySet<string>): string => (set.size ? ` (known: ${[...set].sort().join(', ')})` : '');

function checkProcessingTime(time: LegalProcessingTime): ProcedureIssue[] {
  const at = (k: string): IssuePath => ['processingTime', k];
  if (time.unit === 'same_day') {
    return time.value === 0 ? [] : [issue(at('value'), 'a same-day procedure has value 0 (the cut-off decides the due time)')];
  }
  const issues: ProcedureIssue[] = [];
  if (time.cutoff !== undefined) issues.push(issue(at('cutoff'), 'a cut-off applies only to unit "same_day"'));
  if (!(time.value > 0)) issues.push(issue(at('value'), `a processing time in ${time.unit} is greater than 0`));
  // Civil Code 2015 art. 147–148: periods in days are counted in whole days.
  if (time.unit === 'days' && !Number.isInteger(time.value)) issues.push(issue(at('value'), 'a time in days is a whole number of days'));
  return issues;
}

/** A budget on the wrong scale for the procedure's time (working time vs calendar days). */
function checkBudgetUnit(budget: TimeBudget, time: LegalProcessingTime, at: IssuePath, what: string): ProcedureIssue | undefined {
  if (time.unit === 'same_day' && budget.unit !== 'working_hours') {
    return issue([...at, 'unit'], `a same-day procedure takes ${what} in working_hours, not ${budget.unit}`);
  }
  if (scaleOfBudgetUnit(budget.unit) !== scaleOfProcessingTime(time)) {
    return time.unit === 'days'
      ? issue([...at, 'unit'], `a procedure counted in days takes ${what} in days, not ${budget.unit}`)
      : issue([...at, 'unit'], `a procedure counted in ${time.unit} takes ${what} in working_days or working_hours, not days`);
  }
  return undefined;
}

function sumCheck(total: number, time: LegalProcessingTime, what: string): string | undefined {
  const legal = legalMinutes(time);
  const scale = scaleOfProcessingTime(time);
  if (legal.exact && !sameMinutes(total, legal.minutes)) {
    return `${what} add up to ${describeMinutes(total, scale)}, legal time is ${describeLegalTime(time)}`;
  }
  if (!legal.exact && total > legal.minutes + 0.005) {
    return `${what} add up to ${describeMinutes(total, scale)}; a same-day procedure allows at most ${SAME_DAY_MAX_HOURS} working hours`;
  }
  return undefined;
}

function checkInterAgency(chain: readonly InterAgencyParticipant[], time: LegalProcessingTime, context: CatalogueContext): ProcedureIssue[] {
  if (chain.length === 0) return [];
  const issues: ProcedureIssue[] = [];
  if (chain.length < 2) issues.push(issue(['interAgency'], 'an inter-agency chain names at least two agencies (the receiving agency first)'));
  let unitsOk = true;
  chain.forEach((p, i) => {
    const bad = checkBudgetUnit(p.share, time, ['interAgency', i, 'share'], 'shares');
    if (bad) {
      issues.push(bad);
      unitsOk = false;
    }
    if ((context.levels || context.agencyCodes) && !context.levels?.has(p.agency) && !context.agencyCodes?.has(p.agency)) {
      issues.push(issue(['interAgency', i, 'agency'], `unknown agency level or agency code "${p.agency}"`));
    }
  });
  if (unitsOk) {
    const total = chain.reduce((sum, p) => sum + budgetMinutes(p.share), 0);
    const message = sumCheck(total, time, 'shares');
    if (message) issues.push(issue(['interAgency'], message));
  }
  return issues;
}

function checkWorkflow(steps: readonly WorkflowStep[], chain: readonly InterAgencyParticipant[], time: LegalProcessingTime): ProcedureIssue[] {
  const issues: ProcedureIssue[] = [];
  if (steps.length === 0) return [issue(['workflow'], 'a workflow has at least one step; leave it out to use the default workflow')];
  let unitsOk = true;
  steps.forEach((step, i) => {
    if (steps.findIndex((s) => s.key === step.key) !== i) issues.push(issue(['workflow', i, 'key'], `step key "${step.key}" is used twice`));
    const participant = step.participant ?? 0;
    if (participant > 0 && participant >= chain.length) {
      issues.push(issue(['workflow', i, 'participant'], chain.length
        ? `participant ${participant} does not exist: interAgency has ${chain.length} agencies (0–${chain.length - 1})`
        : `participant ${participant} does not exist: the procedure is not inter-agency`));
    }
    const bad = checkBudgetUnit(step.budget, time, ['workflow', i, 'budget'], 'step budgets');
    if (bad) {
      issues.push(bad);
      unitsOk = false;
    }
  });
  if (!unitsOk) return issues;
  const total = steps.reduce((sum, s) => sum + budgetMinutes(s.budget), 0);
  const message = sumCheck(total, time, 'budgets');
  if (message) issues.push(issue(['workflow'], message));
  // Inter-agency: each agency's steps fill its own share (Decree 297/2025/NĐ-CP art. 6 gives each its time).
  const shareUnitsOk = chain.every((p) => !checkBudgetUnit(p.share, time, [], ''));
  if (chain.length >= 2 && shareUnitsOk) {
    chain.forEach((p, index) => {
      const own = steps.filter((s) => (s.participant ?? 0) === index).reduce((sum, s) => sum + budgetMinutes(s.budget), 0);
      const share = budgetMinutes(p.share);
      if (!sameMinutes(own, share)) {
        issues.push(issue(['workflow'], `steps of participant ${index} (${p.name}) add up to ${describeMinutes(own, scaleOfProcessingTime(time))}, its share is ${describeBudget(p.share)}`));
      }
    });
  }
  return issues;
}
