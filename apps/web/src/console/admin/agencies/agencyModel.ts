/**
 * The administrator's agencies as a tree, with the state of each on a given day: in force, not yet
 * in force, ended (merged into a successor, or abolished). Ended agencies are never deleted: they
 * stay in the tree, greyed, with their end date.
 */
import { foldVietnamese, type PlainDate } from '@motcua/domain';
import type { Agency } from '../admin.api.ts';
import { buildAgencyTree, type TreeNode } from '../../reports/agencyTree.ts';

export type AgencyNode = TreeNode<Agency & { depth: number }>;

export interface AgencyForest {
  roots: AgencyNode[];
  byId: Map<string, AgencyNode>;
  byCode: Map<string, AgencyNode>;
  /** Depth-first, each agency followed by its subordinates. */
  ordered: AgencyNode[];
}

export function buildForest(agencies: readonly Agency[], today: PlainDate): AgencyForest {
  // In force first, then by level and name: the merged communes sink below the new ones.
  const { roots, byCode } = buildAgencyTree(agencies.map((a) => ({ ...a, depth: 0 })), (a, b) => Number(isEnded(a, today)) - Number(isEnded(b, today)));
  const ordered: AgencyNode[] = [];
  const walk = (nodes: AgencyNode[], depth: number) => {
    for (const node of nodes) {
      node.depth = depth;
      ordered.push(node);
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return { roots, byId: new Map(ordered.map((n) => [n.id, n])), byCode, ordered };
}

export type AgencyState = 'active' | 'ended' | 'ending' | 'future';

/** Ended: its last day (validTo) is before today. */
export function isEnded(agency: Pick<Agency, 'validTo'>, today: PlainDate): boolean {
  return agency.validTo !== null && agency.validTo < today;
}

export function stateOf(agency: Pick<Agency, 'validFrom' | 'validTo'>, today: PlainDate): AgencyState {
  if (isEnded(agency, today)) return 'ended';
  if (agency.validFrom !== null && agency.validFrom > today) return 'future';
  if (agency.validTo !== null) return 'ending';
  return 'active';
}

/**
 * The agencies a search keeps: those whose name, short name or code matches (with or without
 * diacritics), and their ancestors so the tree still reads; `undefined` when nothing is typed.
 */
export function visibleIds(forest: AgencyForest, query: string, includeEnded: boolean, today: PlainDate): Set<string> {
  const q = foldVietnamese(query);
  const keep = new Set<string>();
  for (const node of forest.ordered) {
    if (!includeEnded && isEnded(node, today)) continue;
    const text = foldVietnamese(`${node.name} ${node.shortName ?? ''} ${node.code}`);
    if (q && !text.includes(q)) continue;
    for (let n: AgencyNode | null = node; n && !keep.has(n.id); n = n.parent) keep.add(n.id);
  }
  return keep;
}

/**
 * Whether the signed-in administrator manages an agency: it, or one of its ancestors, is an agency
 * where they hold the admin role (roles reach the whole subtree). Other agencies they may only read.
 */
export function isManaged(node: AgencyNode, adminAgencyIds: ReadonlySet<string>): boolean {
  for (let n: AgencyNode | null = node; n; n = n.parent) if (adminAgencyIds.has(n.id)) return true;
  return false;
}
