/**
 * Reference data read on every intake and every dossier page (agencies, counters, procedure
 * versions, staff names), cached in the process. Versions are frozen by a trigger, so a version by
 * id never goes stale; lists that can grow (the versions of a procedure, the counters of an agency)
 * and agency rows are forgotten (`invalidate`) as soon as any process commits a change to them
 * (`reference.changes.ts`), and re-read after `ttlMs` at the latest should a notice be missed.
 * Every read takes the caller's database handle, so that a miss inside a transaction is read in
 * that transaction (the embedded database has a single connection).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findVersionById, findVersionsOfProcedure, type ProcedureVersionRow } from '../procedures/procedures.repository.ts';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
  parentId: string | null;
}

export interface ReferenceCache {
  agencies(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, AgencyRef>>;
  agencyByCode(db: Kysely<Database>, code: string): Promise<AgencyRef | undefined>;
  versionsOf(db: Kysely<Database>, procedureCode: string): Promise<ProcedureVersionRow[]>;
  version(db: Kysely<Database>, id: string): Promise<ProcedureVersionRow | undefined>;
  counters(db: Kysely<Database>, agencyId: string): Promise<Array<{ id: string; code: string; name: string }>>;
  userNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>>;
  /** Forget what may have changed (agencies, counters, procedures, staff names), in this process. */
  invalidate(): void;
}

interface Entry<T> {
  value: T;
  at: number;
}

export function createReferenceCache(options: { ttlMs?: number; now?: () => number } = {}): ReferenceCache {
  const ttl = options.ttlMs ?? 30_000;
  const now = options.now ?? (() => performance.now());
  const agencies = new Map<string, Entry<AgencyRef>>();
  const agencyCodes = new Map<string, Entry<string>>();
  const versionLists = new Map<string, Entry<ProcedureVersionRow[]>>();
  const versions = new Map<string, ProcedureVersionRow>();
  const counters = new Map<string, Entry<Array<{ id: string; code: string; name: string }>>>();
  const names = new Map<string, Entry<string>>();
  const fresh = <T>(e: Entry<T> | undefined): e is Entry<T> => e !== undefined && now() - e.at < ttl;
  // A read that started before an invalidation may return what the change replaced: it is
  // answered but not kept.
  let generation = 0;

  const cache: ReferenceCache = {
    async agencies(db, ids) {
      const out = new Map<string, AgencyRef>();
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const e = agencies.get(id);
        if (fresh(e)) out.set(id, e.value);
        else missing.push(id);
      }
      if (missing.length) {
        const g = generation;
        const rows = await db.selectFrom('agencies').select(['id', 'code', 'name', 'level', 'path', 'parent_id']).where('id', 'in', missing).execute();
        for (const r of rows) {
          const ref = { id: r.id, code: r.code, name: r.name, level: r.level, path: r.path, parentId: r.parent_id };
          if (g === generation) agencies.set(r.id, { value: ref, at: now() });
          out.set(r.id, ref);
        }
      }
      return out;
    },
    async agencyByCode(db, code) {
      let e = agencyCodes.get(code);
      if (!fresh(e)) {
        const g = generation;
        const r = await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
        if (!r) return undefined;
        e = { value: r.id, at: now() };
        if (g === generation) agencyCodes.set(code, e);
      }
      return (await cache.agencies(db, [e.value])).get(e.value);
    },
    async versionsOf(db, code) {
      const e = versionLists.get(code);
      if (fresh(e)) return e.value;
      const g = generation;
      const list = await findVersionsOfProcedure(db, code);
      if (g === generation) versionLists.set(code, { value: list, at: now() });
      for (const v of list) versions.set(v.id, v);
      return list;
    },
    async version(db, id) {
      const hit = versions.get(id);
      if (hit) return hit;
      const v = await findVersionById(db, id);
      if (v) versions.set(id, v);
      return v;
    },
    async counters(db, agencyId) {
      const e = counters.get(agencyId);
      if (fresh(e)) return e.value;
      const g = generation;
      const rows = await db.selectFrom('counters').select(['id', 'code', 'name']).where('agency_id', '=', agencyId).where('active', '=', true).orderBy('code').execute();
      if (g === generation) counters.set(agencyId, { value: rows, at: now() });
      return rows;
    },
    async userNames(db, ids) {
      const out = new Map<string, string>();
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const e = names.get(id);
        if (fresh(e)) out.set(id, e.value);
        else if (/^[0-9a-f-]{36}$/.test(id)) missing.push(id);
      }
      if (missing.length) {
        const g = generation;
        for (const u of await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', missing).execute()) {
          if (g === generation) names.set(u.id, { value: u.full_name, at: now() });
          out.set(u.id, u.full_name);
        }
      }
      return out;
    },
    invalidate() {
      generation++;
      agencies.clear();
      agencyCodes.clear();
      versionLists.clear();
      counters.clear();
      names.clear();
    },
  };
  return cache;
}
