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
import { EFormSchema } from '../eforms/eforms.schemas.ts';
import { issueMessage, ProcedureEntry, toEntryInput } from './procedures.schemas.ts';
import { applyProcedurePlans, planProcedureEntries, todayOf } from './procedures.usecases.ts';

const file = 'procedures.json';
const formsFile = 'eforms.json';

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
    const forms = readEForms(bundle);
    const entries = shapeCheck(bundle, raw.value, forms);
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

/**
 * The forms of `eforms.json` by id, shape-checked (a list; ids unique). Their meaning is checked
 * with each procedure that uses them, against its components.
 */
function readEForms(bundle: Bundle): Map<string, EFormSchema> {
  const raw = bundle.raw.eforms;
  const forms = new Map<string, EFormSchema>();
  if (!raw) return forms;
  if (!Array.isArray(raw.value)) throw bundleError([{ path: bundle.locate(formsFile, []), message: 'expected a list of e-forms' }]);
  const issues: FieldIssue[] = [];
  raw.value.forEach((item, index) => {
    const result = EFormSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ path: bundle.locate(formsFile, [index, ...(issue.path as Array<string | number>)]), message: issueMessage(issue) });
      }
      return;
    }
    if (forms.has(result.data.id)) issues.push({ path: bundle.locate(formsFile, [index, 'id']), message: `form id "${result.data.id}" is used twice` });
    forms.set(result.data.id, result.data);
  });
  if (issues.length) throw bundleError(issues);
  return forms;
}

/** A procedure's `declaration` given as the id of a form of `eforms.json` becomes that form. */
function withForm(item: unknown, forms: Map<string, EFormSchema>): { item: unknown; problem?: string } {
  if (!item || typeof item !== 'object' || typeof (item as { declaration?: unknown }).declaration !== 'string') return { item };
  const id = (item as { declaration: string }).declaration;
  const form = forms.get(id);
  if (!form) {
    const known = [...forms.keys()].sort();
    return { item, problem: `unknown e-form "${id}"${known.length ? ` (eforms.json defines: ${known.join(', ')})` : ' (there is no eforms.json)'}` };
  }
  return { item: { ...item, declaration: form } };
}

function shapeCheck(bundle: Bundle, value: unknown, forms: Map<string, EFormSchema>) {
  const issues: FieldIssue[] = [];
  if (!Array.isArray(value)) throw bundleError([{ path: bundle.locate(file, []), message: 'expected a list of procedures' }]);
  const entries = value.flatMap((original, index) => {
    const { item, problem } = withForm(original, forms);
    if (problem) {
      issues.push({ path: bundle.locate(file, [index, 'declaration']), message: problem });
      return [];
    }
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
