/**
 * The administrative hierarchy as data (docs/rules/agencies-and-catalogue.md): agencies form a tree by `parentCode`. Levels are
 * free text (province, district, commune, department, …), not code.
 */
import type { FieldIssue } from '../errors.ts';

export interface AgencyEntry {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/**
 * Checks a list of agencies for duplicate codes, unknown parents (not in the list and not in
 * `existingCodes`), cycles and inverted validity dates. `pathOf(i)` names entry i in messages.
 */
export function validateAgencyTree(
  entries: readonly AgencyEntry[],
  existingCodes: ReadonlySet<string> = new Set(),
  pathOf: (index: number) => string = (i) => `[${i}]`,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const firstIndex = new Map<string, number>();
  entries.forEach((e, i) => {
    const seen = firstIndex.get(e.code);
    if (seen !== undefined) {
      issues.push({ path: `${pathOf(i)}.code`, message: `duplicate code "${e.code}" (first at ${pathOf(seen)})` });
    } else firstIndex.set(e.code, i);
  });
  entries.forEach((e, i) => {
    if (e.parentCode === null || e.parentCode === undefined) return;
    if (e.parentCode === e.code) {
      issues.push({ path: `${pathOf(i)}.parentCode`, message: `agency "${e.code}" cannot be its own parent` });
    } else if (!firstIndex.has(e.parentCode) && !existingCodes.has(e.parentCode)) {
      issues.push({ path: `${pathOf(i)}.parentCode`, message: `unknown parent "${e.parentCode}"` });
    }
    if (e.validFrom && e.validTo && e.validTo < e.validFrom) {
      issues.push({ path: `${pathOf(i)}.validTo`, message: `validTo ${e.validTo} is before validFrom ${e.validFrom}` });
    }
  });
  // Cycles: follow parents inside the list; a walk longer than the list is a loop.
  const parentOf = new Map(entries.map((e) => [e.code, e.parentCode ?? null]));
  const reported = new Set<string>();
  entries.forEach((e, i) => {
    const visited: string[] = [];
    let current: string | null = e.code;
    while (current !== null && parentOf.has(current)) {
      if (visited.includes(current)) {
        const cycle = visited.slice(visited.indexOf(current));
        const key = [...cycle].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          issues.push({ path: `${pathOf(i)}.parentCode`, message: `cycle in the agency tree: ${[...cycle, current].join(' → ')}` });
        }
        break;
      }
      visited.push(current);
      current = parentOf.get(current) ?? null;
    }
  });
  return issues;
}

/** Parents before children (input must be valid); keeps the input order otherwise. */
export function orderParentsFirst<T extends AgencyEntry>(entries: readonly T[]): T[] {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (e: T) => {
    if (done.has(e.code)) return;
    done.add(e.code);
    const parent = e.parentCode ? byCode.get(e.parentCode) : undefined;
    if (parent) visit(parent);
    out.push(e);
  };
  entries.forEach(visit);
  return out;
}

/**
 * The day an agency ended (merged into a successor or abolished: its `validTo`, the last day it was
 * in force), once that day is past on `today`; null for an agency still in force, or whose end is
 * only scheduled. A commune merged on 30/06/2025 has ended on 01/07/2025.
 */
export function agencyEndedOn(agency: { validTo?: string | null | undefined }, today: string): string | null {
  return agency.validTo && agency.validTo < today ? agency.validTo : null;
}
