/**
 * The `procedures.json` part of a bundle (docs/interfaces.md): every entry is shape-checked, validated and
 * planned before anything is written, so one bad entry changes nothing (the transaction of
 * `loadBundle` is rolled back). Messages point at the file, the line and the field. Idempotent:
 * the same content is `unchanged`; changed content is a new version.
 */
import type { FieldIssue } from '@motcua/domain';
import { systemClock, type Clock } from '../../deps.ts';
import { bundleError, type Bundle } from '../setup/bundle.read.ts';
import type { BundlePartLoader, SetupSummary } from '../setup/setup.usecases.ts';
import { issueMessage, ProcedureEntry, toEntryInput } from './procedures.schemas.ts';
import { applyProcedurePlans, planProcedureEntries, todayOf } from './procedures.usecases.ts';

const file = 'procedures.json';

export interface ProcedureSummary {
  created: number;
  amended: number;
  unchanged: number;
  abolished: number;
  replaced: number;
}

/** The loader, with the clock that dates changes without their own `validFrom`. */
export function procedureBundleLoader(clock: Clock = systemClock): BundlePartLoader {
  return async (tx, bundle, summary) => {
    const raw = bundle.raw.procedures;
    if (!raw) return;
    const entries = shapeCheck(bundle, raw.value);
    const { plans, issues } = await planProcedureEntries(tx, entries, todayOf(clock), (index) => bundle.locate(file, [index]));
    if (issues.length) {
      const inFileOrder = [...issues].sort((a, b) => a.index - b.index);
      throw bundleError(inFileOrder.map(({ index, issue }) => ({ path: bundle.locate(file, [index, ...issue.at]), message: issue.message })));
    }
    const outcomes = await applyProcedurePlans(tx, plans, { actor: { kind: 'anonymous' }, actorName: 'motcua setup' });
    const counts: ProcedureSummary = { created: 0, amended: 0, unchanged: 0, abolished: 0, replaced: 0 };
    for (const outcome of outcomes) counts[outcome]++;
    (summary as SetupSummary & { procedures?: ProcedureSummary }).procedures = counts;
  };
}

function shapeCheck(bundle: Bundle, value: unknown) {
  const issues: FieldIssue[] = [];
  if (!Array.isArray(value)) throw bundleError([{ path: bundle.locate(file, []), message: 'expected a list of procedures' }]);
  const entries = value.flatMap((item, index) => {
    const result = ProcedureEntry.safeParse(item);
    if (result.success) {
      const input = toEntryInput(result.data);
      return [{ input, codeVerified: result.data.codeVerified }];
    }
    for (const issue of result.error.issues) {
      issues.push({ path: bundle.locate(file, [index, ...(issue.path as Array<string | number>)]), message: issueMessage(issue) });
    }
    return [];
  });
  if (issues.length) throw bundleError(issues);
  return entries;
}
