/**
 * The caller's agencies as a tree (`GET /agencies`: the agencies in their scope, with `parentId`),
 * for the agency filter, the breadcrumb of the drill-down and the order of the report's rows.
 */

import type { ApiItem } from '../../shared/api.ts';

/** An agency as `GET /agencies` lists it: what the tree and the report filters read of it. */
export type StaffAgency = Pick<ApiItem<'/agencies'>, 'id' | 'code' | 'name' | 'shortName' | 'level' | 'parentId' | 'validFrom' | 'validTo'>
  & Partial<Pick<ApiItem<'/agencies'>, 'endedOn'>>;

/** An agency linked to its parent and its subordinates. */
export type TreeNode<T extends StaffAgency> = T & { parent: TreeNode<T> | null; children: Array<TreeNode<T>> };
export type AgencyNode = TreeNode<StaffAgency>;

export interface AgencyTree<T extends StaffAgency = StaffAgency> {
  roots: Array<TreeNode<T>>;
  byCode: Map<string, TreeNode<T>>;
}

/** Levels from the top down; a level not listed sorts after these, by name. */
const levelOrder = ['nation', 'province', 'department', 'police', 'district', 'commune'];
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function levelRank(level: string): number {
  const i = levelOrder.indexOf(level);
  return i < 0 ? levelOrder.length : i;
}

function compareNodes(a: StaffAgency, b: StaffAgency): number {
  return levelRank(a.level) - levelRank(b.level) || collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
}

/**
 * Links the agencies by `parentId` and sorts every level from the top down, then by name; `first`
 * is a sort key before those (the administration puts ended agencies last).
 */
export function buildAgencyTree<T extends StaffAgency>(agencies: readonly T[], first: (a: T, b: T) => number = () => 0): AgencyTree<T> {
  const byId = new Map<string, TreeNode<T>>();
  for (const agency of agencies) byId.set(agency.id, { ...agency, parent: null, children: [] });
  const roots: Array<TreeNode<T>> = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node); // the top of the caller's scope (its parent is outside it)
    }
  }
  const sort = (nodes: Array<TreeNode<T>>) => {
    nodes.sort((a, b) => first(a, b) || compareNodes(a, b));
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return { roots, byCode: new Map([...byId.values()].map((n) => [n.code, n])) };
}

/** The agencies from the top of the caller's scope down to `code` (empty if unknown). */
export function agencyPath(tree: AgencyTree, code: string): AgencyNode[] {
  const path: AgencyNode[] = [];
  for (let node = tree.byCode.get(code); node; node = node.parent ?? undefined) path.unshift(node);
  return path;
}

/** "UBND xã Giao Hương" for "Ủy ban nhân dân xã Giao Hương": the form officials write in tables. */
export function shortAgencyName(name: string, shortName?: string | null): string {
  if (shortName) return shortName;
  return name.replace(/^Ủy ban nhân dân\s+/u, 'UBND ');
}

export interface OrderedRow<R> {
  row: R;
  /** Depth below the report's root (0 for the root and for agencies outside the known tree). */
  depth: number;
  /** The agency has subordinate agencies: its name drills down. */
  drillable: boolean;
}

/**
 * The report's rows in the order of the tree (each agency followed by its subordinates), indented
 * from `rootCode` (the drilled-into agency) or from the top of the caller's scope. Rows of
 * agencies the tree does not know come last, in the server's order.
 */
export function orderRows<R extends { agency: string }>(rows: readonly R[], tree: AgencyTree, rootCode: string): Array<OrderedRow<R>> {
  const rowOf = new Map(rows.map((r) => [r.agency, r]));
  const out: Array<OrderedRow<R>> = [];
  const placed = new Set<string>();
  const root = rootCode ? tree.byCode.get(rootCode) : undefined;
  const walk = (node: AgencyNode, depth: number) => {
    const row = rowOf.get(node.code);
    if (row && !placed.has(node.code)) {
      out.push({ row, depth, drillable: node.children.length > 0 && node.code !== rootCode });
      placed.add(node.code);
    }
    node.children.forEach((child) => walk(child, depth + 1));
  };
  (root ? [root] : tree.roots).forEach((n) => walk(n, 0));
  for (const row of rows) if (!placed.has(row.agency)) out.push({ row, depth: 0, drillable: false });
  return out;
}

export interface TreeSelectNode {
  value: string;
  label: string;
  children?: TreeSelectNode[];
}

/** Data for the agency tree select: value = agency code, label = `label(agency)` (its name by default). */
export function treeSelectData(tree: AgencyTree, label: (agency: AgencyNode) => string = (n) => n.name): TreeSelectNode[] {
  const toNode = (n: AgencyNode): TreeSelectNode => ({
    value: n.code,
    label: label(n),
    ...(n.children.length ? { children: n.children.map(toNode) } : {}),
  });
  return tree.roots.map(toNode);
}

/** The levels present in the caller's agencies, top down. */
export function levelsOf(agencies: readonly StaffAgency[]): string[] {
  return [...new Set(agencies.map((a) => a.level))].sort((a, b) => levelRank(a) - levelRank(b) || a.localeCompare(b));
}

/**
 * The agency the report is rooted at: the drilled-into one, else the top of the caller's scope
 * when it is a single agency (a provincial manager), else none (several separate subtrees).
 */
export function reportRoot(tree: AgencyTree, agency: string): AgencyNode | undefined {
  if (agency) return tree.byCode.get(agency);
  return tree.roots.length === 1 ? tree.roots[0] : undefined;
}
