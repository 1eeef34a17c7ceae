/**
 * Versions over time: which version is in force on a date, what a new entry does to a procedure's
 * history, and what changed in a month. A version's content never changes once stored; a change
 * is a new version and the previous one is closed (validTo, status `amended`).
 */
import { isInMonth, shiftDate } from './dates.ts';
import type { ParsedProcedureEntry } from './entries.ts';
import type { ProcedureStatus, VersionValidity } from './procedure.ts';
import { formatIssuePath, type ProcedureIssue } from './validate.ts';

/** True when the version applies on the local date `date` (`validTo` is the last day, inclusive). */
export function isInForce(version: Pick<VersionValidity, 'validFrom' | 'validTo'>, date: string): boolean {
  return (version.validFrom === null || version.validFrom <= date) && (version.validTo === null || date <= version.validTo);
}

/**
 * The version in force on a local date, e.g. to bind a dossier to the rules of its receipt date;
 * `undefined` before the first version, after an abolition, or between two of them.
 */
export function versionInForce<V extends Pick<VersionValidity, 'version' | 'validFrom' | 'validTo'>>(
  versions: readonly V[],
  date: string,
): V | undefined {
  let found: V | undefined;
  for (const v of versions) if (isInForce(v, date) && (!found || v.version > found.version)) found = v;
  return found;
}

/** The latest stored version of a procedure, as far as deciding on a new entry goes. */
export interface VersionHead extends VersionValidity {
  contentHash: string;
  replacedBy: string | null;
}

export type CatalogueDecision =
  /** A first version, or a procedure brought back after it ended. */
  | { action: 'create'; version: number; validFrom: string | null }
  /** A new version; the previous one ends the day before. */
  | { action: 'amend'; version: number; validFrom: string; previous: { version: number; validTo: string } }
  | { action: 'unchanged' }
  /** The latest version ends on `validTo` with this status. */
  | { action: 'end'; status: 'abolished' | 'replaced'; version: number; validTo: string; replacedBy: string | null }
  | { action: 'refuse'; issue: ProcedureIssue };

const refuse = (at: Array<string | number>, message: string): CatalogueDecision => ({
  action: 'refuse',
  issue: { at, path: formatIssuePath(at), message },
});

/**
 * What a valid entry does to a procedure whose latest version is `latest` (if any). `contentHash`
 * is the hash of the entry's canonical content (definitions only); `today` (local date) is when a
 * change without its own `validFrom` takes effect.
 */
export function planCatalogueChange(
  latest: VersionHead | undefined,
  entry: ParsedProcedureEntry,
  contentHash: string | null,
  today: string,
): CatalogueDecision {
  if (entry.kind === 'end') {
    if (!latest) return refuse(['code'], `unknown procedure "${entry.code}": there is nothing to end`);
    if (latest.status === 'abolished' || latest.status === 'replaced') {
      if (latest.status === entry.status && latest.validTo === entry.lastDay && latest.replacedBy === entry.replacedBy) return { action: 'unchanged' };
      return refuse(['status'], `procedure "${entry.code}" is already ${latest.status} from ${latest.validTo ? shiftDate(latest.validTo, 1) : '?'} (last day in force ${latest.validTo})`);
    }
    if (latest.validFrom !== null && entry.lastDay < latest.validFrom) {
      return refuse(['validTo'], `the last day ${entry.lastDay} is before the current version ${latest.version} takes effect (${latest.validFrom})`);
    }
    return { action: 'end', status: entry.status, version: latest.version, validTo: entry.lastDay, replacedBy: entry.replacedBy };
  }
  if (!latest) return { action: 'create', version: 1, validFrom: entry.validFrom };
  if (latest.contentHash === contentHash) return { action: 'unchanged' };
  if (latest.status === 'abolished' || latest.status === 'replaced') {
    // Bringing an ended procedure back is deliberate: it needs its own start date after the end.
    if (!entry.validFrom || (latest.validTo !== null && entry.validFrom <= latest.validTo)) {
      return refuse(['validFrom'], `procedure "${entry.code}" is ${latest.status} from ${latest.validTo ? shiftDate(latest.validTo, 1) : '?'}; give a validFrom on or after that date to bring it back`);
    }
    return { action: 'create', version: latest.version + 1, validFrom: entry.validFrom };
  }
  const validFrom = entry.validFrom ?? today;
  if (latest.validFrom !== null && validFrom <= latest.validFrom) {
    return refuse(['validFrom'], entry.validFrom
      ? `validFrom ${validFrom} must be after ${latest.validFrom}, when the current version ${latest.version} took effect`
      : `the current version ${latest.version} took effect on ${latest.validFrom}; give validFrom, the date this change takes effect`);
  }
  return { action: 'amend', version: latest.version + 1, validFrom, previous: { version: latest.version, validTo: shiftDate(validFrom, -1) } };
}

export type CatalogueChangeKind = 'new' | 'amended' | 'replaced' | 'abolished';

export interface CatalogueVersionLike extends VersionValidity {
  code: string;
  replacedBy?: string | null | undefined;
}

export interface CatalogueChange<V extends CatalogueVersionLike> {
  kind: CatalogueChangeKind;
  /** The local date the change takes effect. */
  date: string;
  code: string;
  /** The new version (new, amended) or the version that ended (replaced, abolished). */
  version: V;
  /** For `amended`: the version it supersedes. */
  previous?: V | undefined;
}

/**
 * What changed in a month (`YYYY-MM`), by the date each change takes effect: procedures that came
 * into force (`new`), new versions of existing ones (`amended`), and procedures that ended
 * (`replaced`, `abolished`, from the day after their last day). Sorted by date, then code.
 */
export function catalogueChanges<V extends CatalogueVersionLike>(versions: readonly V[], month: string): Array<CatalogueChange<V>> {
  const byCode = new Map<string, V[]>();
  for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  const changes: Array<CatalogueChange<V>> = [];
  for (const [code, list] of byCode) {
    const sorted = [...list].sort((a, b) => a.version - b.version);
    sorted.forEach((v, i) => {
      const previous = i > 0 ? sorted[i - 1] : undefined;
      if (v.validFrom !== null && isInMonth(v.validFrom, month)) {
        const ended = !previous || previous.status === 'abolished' || previous.status === 'replaced';
        changes.push(ended ? { kind: 'new', date: v.validFrom, code, version: v } : { kind: 'amended', date: v.validFrom, code, version: v, previous });
      }
      if ((v.status === 'abolished' || v.status === 'replaced') && v.validTo !== null) {
        const date = shiftDate(v.validTo, 1);
        if (isInMonth(date, month)) changes.push({ kind: v.status as Extract<ProcedureStatus, 'abolished' | 'replaced'>, date, code, version: v });
      }
    });
  }
  return changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
