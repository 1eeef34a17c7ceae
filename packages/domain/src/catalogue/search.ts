/**
 * How a citizen's words become a catalogue search (docs/rules/catalogue-search.md): folded like the
 * names they are compared with, common filler words dropped, and the province's abbreviations and
 * colloquial phrasings ("GPXD", "hộ khẩu") rewritten into the catalogue's words. The ranking itself
 * runs where the catalogue is (SQL); this decides what it looks for.
 */
import { foldVietnamese } from '../text/fold.ts';

/** The province's search vocabulary (`search-terms.json` of a bundle), folded. */
export interface SearchVocabulary {
  /** Words that say nothing about which procedure is meant ("cho", "của", "làm"). */
  ignoredWords: readonly string[];
  /** A phrase people type, and what it means in the catalogue's words (one or more readings). */
  synonyms: ReadonlyArray<{ phrase: string; means: readonly string[] }>;
}

export const emptySearchVocabulary: SearchVocabulary = { ignoredWords: [], synonyms: [] };

export interface CatalogueSearchQuery {
  /** The whole query folded, as typed (for codes and the exact-name test). */
  folded: string;
  /**
   * The readings to look for, each a folded phrase of whole words: the query itself first, then
   * the query with each known phrase replaced by its meaning. Filler words are left out of every
   * reading, unless nothing else would be left.
   */
  readings: string[];
}

/** Enough readings for a query with two or three abbreviations; more only slows the search. */
export const maxSearchReadings = 8;

/** The folded words of a text: letters and digits only, punctuation is a separator. */
export function searchWords(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Where `phrase` occurs in `words` as whole consecutive words, or -1. */
function indexOfPhrase(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

/** `words` without the ignored phrases (each a run of whole words, the longest tried first). */
function withoutPhrases(words: readonly string[], phrases: readonly string[][]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = phrases.find((p) => p.every((w, j) => words[i + j] === w));
    if (phrase) i += phrase.length;
    else kept.push(words[i++]!);
  }
  return kept;
}

/**
 * The readings of a query. "xin GPXD cho nhà" with GPXD → "giấy phép xây dựng" reads as
 * "xin gpxd nha" and "xin giay phep xay dung nha" (with "xin", "cho" ignored: "gpxd nha",
 * "giay phep xay dung nha"). Longer known phrases are replaced before the shorter ones they contain.
 */
export function readCatalogueQuery(query: string, vocabulary: SearchVocabulary = emptySearchVocabulary): CatalogueSearchQuery {
  const folded = foldVietnamese(query);
  const words = searchWords(query);
  const synonyms = vocabulary.synonyms
    .map((s) => ({ phrase: searchWords(s.phrase), means: s.means.map(searchWords).filter((m) => m.length > 0) }))
    .filter((s) => s.phrase.length > 0)
    .sort((a, b) => b.phrase.length - a.phrase.length);

  const variants: string[][] = [words];
  for (let k = 0; k < variants.length && variants.length < maxSearchReadings; k++) {
    const current = variants[k]!;
    for (const s of synonyms) {
      const at = indexOfPhrase(current, s.phrase);
      if (at < 0) continue;
      for (const meaning of s.means) {
        const next = [...current.slice(0, at), ...meaning, ...current.slice(at + s.phrase.length)];
        if (!variants.some((v) => v.join(' ') === next.join(' ')) && variants.length < maxSearchReadings) variants.push(next);
      }
    }
  }

  const ignored = vocabulary.ignoredWords.map(searchWords).filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const readings: string[] = [];
  for (const v of variants) {
    const kept = withoutPhrases(v, ignored);
    const reading = (kept.length > 0 ? kept : v).join(' ');
    if (reading && !readings.includes(reading)) readings.push(reading);
  }
  return { folded, readings };
}
