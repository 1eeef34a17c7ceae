import { describe, expect, it } from 'vitest';
import type { Agency } from '../../src/console/admin/admin.api.ts';
import { buildForest } from '../../src/console/admin/agencies/agencyModel.ts';

const agency = (id: string, parentId: string | null, level: string, name: string, validTo: string | null = null): Agency => ({
  id, code: id.toUpperCase(), name, level, parentId, validFrom: null, validTo, endedOn: null, successorCode: null, shortName: null, address: null, phone: null, email: null,
});

describe('the administration’s agency forest', () => {
  it('orders agencies depth-first, in force before ended, then by level and name, with their depth', () => {
    const forest = buildForest([
      agency('x2', 'p', 'commune', 'UBND xã Giao Thủy'),
      agency('h', 'p', 'district', 'UBND huyện Giao Thủy', '2025-06-30'),
      agency('x1', 'h', 'commune', 'UBND xã Giao Hương', '2025-06-30'),
      agency('s', 'p', 'department', 'Sở Tư pháp'),
      agency('p', null, 'province', 'UBND tỉnh Ninh Bình'),
      agency('x3', 'p', 'commune', 'UBND xã Giao Hòa'),
    ], '2026-11-27');
    expect(forest.ordered.map((n) => [n.id, n.depth])).toEqual([
      ['p', 0], ['s', 1], ['x3', 1], ['x2', 1], ['h', 1], ['x1', 2],
    ]);
    expect(forest.byCode.get('X1')!.parent!.id).toBe('h');
    expect(forest.byId.size).toBe(6);
    // Before the merger, the district sorts by its level again.
    expect(buildForest([agency('p', null, 'province', 'P'), agency('x', 'p', 'commune', 'A'), agency('h', 'p', 'district', 'B', '2025-06-30')], '2025-01-01')
      .ordered.map((n) => n.id)).toEqual(['p', 'h', 'x']);
  });
});
