/**
 * Removal of personal data from a feedback and its answer before they are published
 * (docs/rules/service-quality.md, "Publication"). Pure and idempotent: redacting a redacted text
 * changes nothing. What is removed, each replaced by a label in brackets:
 *
 * - the sender's name as given (in full, any run of its last two or more words, and its last word
 *   after a form of address such as "ông", "bà", "anh", "chị" when written with a capital), in any
 *   case and with or without diacritics → `[họ tên]`;
 * - e-mail addresses → `[email]`;
 * - the address the sender gave (in full, and each of its comma-separated parts that holds a
 *   number — the house, lane or hamlet number), in any case, with or without diacritics →
 *   `[địa chỉ]`;
 * - personal identification numbers: 12 digits (CCCD, số định danh cá nhân), together or in
 *   groups separated by single spaces, and 9 digits after "CMND" or "chứng minh (nhân dân)" →
 *   `[số định danh]`;
 * - phone numbers: 10 digits starting with 0 (mobile), 11 digits starting with 02 (landline), or
 *   the same with +84 for the 0, digits together or separated by spaces, dots or dashes; and the
 *   sender's own phone number however written → `[số điện thoại]`.
 *
 * The agency's answer is its own official text: there (`{ generic: false }`) only the sender's own
 * name, phone, e-mail and address and identification numbers are removed, so that the phone or
 * e-mail of the agency an answer tells people to contact stays.
 *
 * Street and place names without a number are kept: a feedback is often about a road or a
 * commune. The officer reviews the result before publishing and may remove more; what the
 * officer sends is redacted again.
 */
import { foldVietnamese } from '../text/fold.ts';

export const redactionKinds = ['name', 'email', 'address', 'id_number', 'phone'] as const;
export type RedactionKind = (typeof redactionKinds)[number];

export const redactionLabels: Readonly<Record<RedactionKind, string>> = {
  name: '[họ tên]',
  email: '[email]',
  address: '[địa chỉ]',
  id_number: '[số định danh]',
  phone: '[số điện thoại]',
};

/** What the sender gave about themselves; each value is removed wherever it occurs. */
export interface KnownPersonalData {
  names?: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  emails?: readonly (string | null | undefined)[];
  addresses?: readonly (string | null | undefined)[];
}

export interface Redacted {
  text: string;
  /** How many of each kind were removed. */
  removed: Record<RedactionKind, number>;
}

// A letter or digit of any script: the edges of a word.
const wordEdgeBefore = '(?<![\\p{L}\\p{N}])';
const wordEdgeAfter = '(?![\\p{L}\\p{N}])';

/**
 * For each ASCII letter, every precomposed letter that folds to it (à á ả ã ạ ă ằ … for a; đ for
 * d): a character class that matches the letter with or without diacritics.
 */
const variantsOf: ReadonlyMap<string, string> = (() => {
  const byBase = new Map<string, Set<string>>();
  const add = (ch: string) => {
    const base = foldVietnamese(ch);
    if (!/^[a-z]$/.test(base)) return;
    const set = byBase.get(base) ?? new Set<string>();
    set.add(ch.toLowerCase());
    set.add(ch.toUpperCase());
    byBase.set(base, set);
  };
  for (let c = 0x41; c <= 0x7a; c += 1) add(String.fromCharCode(c));
  for (let c = 0xc0; c <= 0x24f; c += 1) add(String.fromCharCode(c));
  for (let c = 0x1e00; c <= 0x1eff; c += 1) add(String.fromCharCode(c));
  return new Map([...byBase].map(([base, set]) => [base, [...set].join('')]));
})();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A pattern for one word that matches it in any case, with or without diacritics. */
function loosePattern(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFC')) {
    const base = foldVietnamese(ch);
    const variants = /^[a-z]$/.test(base) ? variantsOf.get(base) : undefined;
    out += variants ? `[${variants}]` : escape(ch);
  }
  return out;
}

const wordsOf = (text: string): string[] => text.normalize('NFC').split(/[\s,;]+/).map((w) => w.trim()).filter(Boolean);

/** Forms of address before a given name ("ông An", "chị Hoa"). */
const addressForms = ['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cháu', 'cụ', 'ong', 'ba', 'chi', 'co', 'chu', 'bac', 'chau', 'cu'];

interface Rule {
  kind: RedactionKind;
  pattern: RegExp;
  /** Replace only this capture group (1), keeping the rest of the match. */
  group?: boolean;
  /** A match that fails this is kept. */
  accept?: (match: string) => boolean;
}

/** A word whose first letter is a capital (with or without diacritics) and the rest in any case. */
function capitalised(word: string): string {
  const first = word[0]!;
  const capitals = [...(variantsOf.get(foldVietnamese(first)) ?? escape(first))].filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).join('');
  return `[${capitals || escape(first)}]${loosePattern(word.slice(1))}`;
}

function nameRules(names: readonly string[]): Rule[] {
  const alternatives = new Set<string>();
  const givenNames = new Set<string>();
  const singleNames = new Set<string>();
  for (const name of names) {
    const words = wordsOf(name);
    if (words.length === 0) continue;
    if (words.length === 1) {
      singleNames.add(words[0]!);
      continue;
    }
    // The full name, then every run of its last two or more words ("Văn An" of "Nguyễn Văn An").
    for (let i = 0; i <= words.length - 2; i += 1) alternatives.add(words.slice(i).map(loosePattern).join('\\s+'));
    givenNames.add(words[words.length - 1]!);
  }
  const rules: Rule[] = [];
  if (alternatives.size) {
    // Longest first, so that the full name wins over its tail.
    const sorted = [...alternatives].sort((a, b) => b.length - a.length);
    rules.push({ kind: 'name', pattern: new RegExp(`${wordEdgeBefore}(?:${sorted.join('|')})${wordEdgeAfter}`, 'giu') });
  }
  const forms = addressForms.map((f) => [...f].map((c) => `[${c}${c.toUpperCase()}]`).join('')).join('|');
  for (const given of givenNames) {
    // "ông An": the form of address stays, the given name goes — only when capitalised, so that
    // "anh an tâm" keeps its words.
    rules.push({ kind: 'name', pattern: new RegExp(`${wordEdgeBefore}(?:${forms})\\s+(${capitalised(given)})${wordEdgeAfter}`, 'gu'), group: true });
  }
  // A name of one word ("Hùng") only where it is written with a capital, as a name is.
  for (const single of singleNames) rules.push({ kind: 'name', pattern: new RegExp(`${wordEdgeBefore}${capitalised(single)}${wordEdgeAfter}`, 'gu') });
  return rules;
}

function addressRules(addresses: readonly string[]): Rule[] {
  const alternatives = new Set<string>();
  for (const address of addresses) {
    const full = wordsOf(address);
    if (full.length >= 2) alternatives.add(full.map(loosePattern).join('[\\s,;]+'));
    for (const part of address.split(/[,;]/)) {
      const words = wordsOf(part);
      if (words.length && /\d/.test(part)) alternatives.add(words.map(loosePattern).join('\\s+'));
    }
  }
  if (!alternatives.size) return [];
  const sorted = [...alternatives].sort((a, b) => b.length - a.length);
  return [{ kind: 'address', pattern: new RegExp(`${wordEdgeBefore}(?:${sorted.join('|')})${wordEdgeAfter}`, 'giu') }];
}

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** The sender's own phone numbers, however they are written in the text (spaces, dots, dashes, +84). */
function knownPhoneRules(phones: readonly string[]): Rule[] {
  const numbers = new Set<string>();
  for (const phone of phones) {
    let digits = digitsOf(phone);
    if (digits.startsWith('84') && phone.trim().startsWith('+')) digits = `0${digits.slice(2)}`;
    if (digits.length >= 6) numbers.add(digits);
  }
  if (!numbers.size) return [];
  const alternatives = [...numbers].map((d) => {
    const spaced = [...d].join('[\\s.\\-]?');
    return d.startsWith('0') ? `(?:(?:\\+84|\\(\\+84\\))[\\s.\\-]?${[...d.slice(1)].join('[\\s.\\-]?')}|${spaced})` : spaced;
  });
  return [{ kind: 'phone', pattern: new RegExp(`(?<![\\d+])(?:${alternatives.join('|')})(?!\\d)`, 'g') }];
}

const emailRule: Rule = { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g };

const idRules: Rule[] = [
  // 12 digits: the citizen identity card (CCCD) and personal identification number; single spaces allowed between digits.
  { kind: 'id_number', pattern: /(?<![\d.,])\d(?: ?\d){11}(?![\d]|[.,]\d)/g },
  // The old 9-digit identity card, named as such.
  {
    kind: 'id_number',
    pattern: /(?<![\p{L}])(?:CMND|CMTND|[Cc]hứng\s+minh(?:\s+nhân\s+dân)?|[Cc]hung\s+minh(?:\s+nhan\s+dan)?)(?:\s*(?:số|so|:|là|la))*\s*(\d{9})(?!\d)/gu,
    group: true,
  },
];

/** A Vietnamese phone number: +84 or 0, then 9 digits (mobile) or 10 starting with 2 (landline). */
const phoneRule: Rule = {
  kind: 'phone',
  pattern: /(?<![\d+])(?:\+84|\(\+84\)|0)(?:[\s.-]?\d){9,10}(?![\d]|[.,]\d)/g,
  accept: (match) => {
    const digits = digitsOf(match);
    const national = match.trimStart().startsWith('0') ? digits.slice(1) : digits.slice(2);
    return national.length === 9 ? /^[35789]/.test(national) : national.length === 10 && national.startsWith('2');
  },
};

function applyRule(text: string, rule: Rule, removed: Record<RedactionKind, number>): string {
  const label = redactionLabels[rule.kind];
  return text.replace(rule.pattern, (match: string, ...args: unknown[]) => {
    if (rule.accept && !rule.accept(match)) return match;
    removed[rule.kind] += 1;
    if (!rule.group) return label;
    const captured = args[0] as string;
    const at = match.lastIndexOf(captured);
    return match.slice(0, at) + label + match.slice(at + captured.length);
  });
}

const present = (values: readonly (string | null | undefined)[] | undefined): string[] =>
  (values ?? []).map((v) => v?.trim() ?? '').filter((v) => v.length > 0);

/**
 * The text with the personal data removed, and how much of each kind was. `generic: false` (the
 * agency's answer) removes only the sender's own data and identification numbers, not every
 * e-mail address and phone number.
 */
export function redactPersonalData(text: string, known: KnownPersonalData = {}, options: { generic?: boolean } = {}): Redacted {
  const generic = options.generic ?? true;
  const removed: Record<RedactionKind, number> = { name: 0, email: 0, address: 0, id_number: 0, phone: 0 };
  // E-mails first (they hold names and digits), then the address (it holds numbers), the sender's
  // phone and name, then any identification or phone number left.
  const rules: Rule[] = [
    ...(generic ? [emailRule] : []),
    ...addressRules(present(known.addresses)),
    ...knownPhoneRules(present(known.phones)),
    ...nameRules(present(known.names)),
    ...idRules,
    ...(generic ? [phoneRule] : []),
  ];
  let out = text.normalize('NFC');
  for (const email of present(known.emails)) {
    out = out.replace(new RegExp(escape(email), 'gi'), () => {
      removed.email += 1;
      return redactionLabels.email;
    });
  }
  for (const rule of rules) out = applyRule(out, rule, removed);
  return { text: out, removed };
}

/** The sum of several redactions' counts (a title, a content and an answer). */
export function totalRemoved(parts: readonly Redacted[]): Record<RedactionKind, number> {
  const sum: Record<RedactionKind, number> = { name: 0, email: 0, address: 0, id_number: 0, phone: 0 };
  for (const p of parts) for (const k of redactionKinds) sum[k] += p.removed[k];
  return sum;
}
