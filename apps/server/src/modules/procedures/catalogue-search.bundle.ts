/**
 * The `search-terms.json` part of a bundle: the words the public catalogue search ignores, and the
 * phrases people type with what they mean in the catalogue's words (docs/rules/catalogue-search.md).
 * The file replaces the stored vocabulary whole; the same file again changes nothing.
 */
import { searchWords } from '@motcua/domain';
import { z } from 'zod';
import { bundleError } from '../setup/bundle.read.ts';
import type { BundlePartLoader, SetupSummary } from '../setup/setup.usecases.ts';
import { readSearchTerms, replaceSearchTerms, type SearchTermRow } from './catalogue-search.repository.ts';
import { issueMessage } from './procedures.schemas.ts';

const file = 'search-terms.json';

const Words = z.string().trim().min(1).max(200).refine((s) => searchWords(s).length > 0, 'expected letters or digits');

export const SearchTermsFile = z.object({
  about: z.string().optional(),
  ignoredWords: z.array(Words).max(500).default([]),
  synonyms: z.array(z.object({ phrase: Words, means: z.array(Words).min(1).max(8), note: z.string().optional() })).max(2000).default([]),
});
export type SearchTermsFile = z.infer<typeof SearchTermsFile>;

export interface SearchTermsSummary {
  outcome: 'loaded' | 'unchanged';
  ignoredWords: number;
  synonyms: number;
}

/** The rows the file stands for, in its order: ignored words first, then synonyms. */
export function searchTermRows(terms: SearchTermsFile): SearchTermRow[] {
  return [
    ...terms.ignoredWords.map((phrase) => ({ kind: 'ignored' as const, phrase, means: [] })),
    ...terms.synonyms.map((s) => ({ kind: 'synonym' as const, phrase: s.phrase, means: s.means })),
  ];
}

export const searchTermsBundleLoader: BundlePartLoader = async (tx, bundle, summary) => {
  const raw = bundle.raw.searchTerms;
  if (!raw) return;
  const parsed = SearchTermsFile.safeParse(raw.value);
  if (!parsed.success) {
    throw bundleError(parsed.error.issues.map((issue) => ({ path: bundle.locate(file, issue.path as Array<string | number>), message: issueMessage(issue) })));
  }
  // A phrase given two meanings in two places would make the second silently win: say so instead.
  const seen = new Map<string, number>();
  const duplicates = parsed.data.synonyms.flatMap((s, index) => {
    const key = searchWords(s.phrase).join(' ');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    return first === undefined ? [] : [{ path: bundle.locate(file, ['synonyms', index, 'phrase']), message: `"${s.phrase}" is already at synonyms[${first}]` }];
  });
  if (duplicates.length) throw bundleError(duplicates);

  const rows = searchTermRows(parsed.data);
  const stored = await readSearchTerms(tx);
  const unchanged = JSON.stringify(stored) === JSON.stringify(rows);
  if (!unchanged) await replaceSearchTerms(tx, rows);
  const counts: SearchTermsSummary = { outcome: unchanged ? 'unchanged' : 'loaded', ignoredWords: parsed.data.ignoredWords.length, synonyms: parsed.data.synonyms.length };
  (summary as SetupSummary & { searchTerms?: SearchTermsSummary }).searchTerms = counts;
};
