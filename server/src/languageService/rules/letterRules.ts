/** Rules that compare parts of a letter with each other: the case summary and the items, the header dates. */
import type { Rule, Problem } from './types';
import type { DateField, HeaderFields, Letter } from '../model';
import type { Line } from '../text/lines';
import { JoinedText } from '../text/joined';
import { isAsciiLetter, scanWords } from '../text/words';
import { lookupDrug, lookupDrugIn, findDrug, lowerCaseNames, type DrugEntry } from '../lexicon/drugs';

/** A sentence about what Utilization Review did with the request (global: found in the whole summary). */
const UR_SENTENCE = /\b(?:utilization review|UR)\b/gi;
const UR_ACTION = /\b(?:non-?certif|modif|denied|deni|not certif|request)/i;

/**
 * Calls `visit` with the span of each word in text[from, to), as /[A-Za-z][A-Za-z-]{2,}/g
 * would match them: a run of letters and hyphens less its leading hyphens, three characters
 * at least. A character loop: a regex match per word allocated too much on long summaries.
 */
function forEachWord(text: string, from: number, to: number, visit: (at: number, end: number) => void): void {
  scanWords(text, from, to, (at, end) => {
    if (end - at >= 3) visit(at, end);
    return end;
  });
}

function summaryText(letter: Letter, lines: readonly Line[]): JoinedText | null {
  const section = letter.sections.find((s) => s.kind === 'caseSummary');
  if (!section) return null;
  const joined = new JoinedText(lines, undefined, section.headingRange.end.line + 1, Math.min(lines.length, section.range.end.line + 1));
  return joined.isEmpty ? null : joined;
}

/** Sentence spans of a text: a stop followed by a space and a capital ends one. Linear. */
function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  // Jump from ". " to ". " (a native search) rather than testing every character.
  for (let i = text.indexOf('. '); i >= 0 && i < text.length - 2; i = text.indexOf('. ', i + 1)) {
    const c = text.charCodeAt(i + 2);
    if (c >= 65 && c <= 90) {
      out.push([from, i + 1]);
      from = i + 2;
    }
  }
  out.push([from, text.length]);
  return out;
}

/** True when text[at, end) is one of the words forEachWord finds in the whole text. */
function isWordAt(text: string, at: number, end: number): boolean {
  if (end - at < 3 || !isAsciiLetter(text.charCodeAt(at))) return false;
  for (let i = at + 1; i < end; i++) if (!isAsciiLetter(text.charCodeAt(i)) && text.charCodeAt(i) !== 45) return false;
  const after = text.charCodeAt(end);
  if (isAsciiLetter(after) || after === 45) return false;
  // A word starts after its run's leading hyphens, which must follow a non-letter.
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) === 45) k--;
  return k < 0 || !isAsciiLetter(text.charCodeAt(k));
}

/**
 * Whether `text` names each drug as a word, as looking every word up would tell. Searches
 * the lower-cased text for the drug's names (a native search per name) instead of reading
 * every word; falls back to reading every word when case folding changed the text's length
 * (so positions would not line up).
 */
function drugMentions(text: string): (drug: DrugEntry) => boolean {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    const mentioned = new Set<DrugEntry>();
    forEachWord(text, 0, text.length, (at, end) => {
      const entry = lookupDrugIn(text, at, end);
      if (entry) mentioned.add(entry);
    });
    return (drug) => mentioned.has(drug);
  }
  return (drug) => wordNames(drug).some((key) => namedAt(text, lower, key, drug));
}

/** A name that can be one of the words forEachWord finds (no space, slash or `#`): the others never match. */
const WORD_NAME = /^[a-z][a-z-]{2,}$/;
const wordNamesOf = new Map<DrugEntry, readonly string[]>();

/** The names of `drug` worth searching for as words, lower case. */
function wordNames(drug: DrugEntry): readonly string[] {
  let names = wordNamesOf.get(drug);
  if (!names) wordNamesOf.set(drug, (names = lowerCaseNames(drug).filter((n) => WORD_NAME.test(n))));
  return names;
}

/** Whether lower-cased `key` occurs in `lower` as a word of `text` that names `drug`. */
function namedAt(text: string, lower: string, key: string, drug: DrugEntry): boolean {
  for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
    if (isWordAt(text, at, at + key.length) && lookupDrugIn(text, at, at + key.length) === drug) return true;
  }
  return false;
}

function itemDrug(title: string, generic?: string): DrugEntry | undefined {
  return (generic ? lookupDrug(generic) : undefined) ?? findDrug(title)?.entry;
}

export const summaryItemMismatch: Rule = {
  code: 'summary-item-mismatch',
  defaultSeverity: 'information',
  description: 'The case summary says Utilization Review acted on a drug that no item disputes, or an item disputes a drug the summary never mentions.',
  check({ letter, lines }) {
    if (letter.items.length === 0) return [];
    const joined = summaryText(letter, lines);
    if (!joined) return [];
    const text = joined.text;
    // Looked up once per item: both checks below need it.
    const drugs = letter.items.map((item) => itemDrug(item.title, item.treatment?.generic));
    const itemDrugs = new Set<DrugEntry>();
    for (const d of drugs) if (d) itemDrugs.add(d);
    const problems: Problem[] = [];
    const reported = new Set<DrugEntry>();
    // Only sentences with UR wording are read word by word: find them from that wording.
    const spans = sentenceSpans(text);
    let s = 0;
    UR_SENTENCE.lastIndex = 0;
    for (let m = UR_SENTENCE.exec(text); m; m = UR_SENTENCE.exec(text)) {
      while (spans[s][1] <= m.index) s++;
      const [from, to] = spans[s];
      UR_SENTENCE.lastIndex = to;
      if (!UR_ACTION.test(text.slice(from, to))) continue;
      forEachWord(text, from, to, (at, end) => {
        const entry = lookupDrugIn(text, at, end);
        if (!entry || itemDrugs.has(entry) || reported.has(entry)) return;
        reported.add(entry);
        problems.push({
          range: joined.rangeOf(at, end),
          message: `The case summary says Utilization Review acted on ${text.slice(at, end)}, but no disputed item is about ${entry.generic}.`,
        });
      });
    }
    if (itemDrugs.size === 0) return problems;
    const mentions = drugMentions(text);
    for (let i = 0; i < letter.items.length; i++) {
      const item = letter.items[i];
      const d = drugs[i];
      if (d && !mentions(d)) {
        problems.push({ range: item.titleRange, message: `"${item.title}" is disputed but the case summary never mentions ${d.generic}.` });
      }
    }
    return problems;
  },
};

type DateKey = 'dateOfInjury' | 'urDenialDate' | 'applicationReceived' | 'dateAssigned' | 'decisionDate';
const LABELS: Record<DateKey, string> = {
  dateOfInjury: 'Date of Injury',
  urDenialDate: 'UR Denial Date',
  applicationReceived: 'Application Received',
  dateAssigned: 'Date Assigned',
  decisionDate: 'Decision Date',
};
/** [earlier, later]: the later one is reported when it falls before the earlier one. */
const ORDER: Array<[DateKey, DateKey]> = [
  ['dateOfInjury', 'urDenialDate'],
  ['urDenialDate', 'applicationReceived'],
  ['applicationReceived', 'dateAssigned'],
  ['dateAssigned', 'decisionDate'],
  ['urDenialDate', 'decisionDate'],
];

export const headerDateOrder: Rule = {
  code: 'header-date-order',
  defaultSeverity: 'warning',
  description: 'Header dates are out of order (e.g. the decision date is before the date assigned or the UR denial date).',
  check({ letter }) {
    const h: HeaderFields = letter.header;
    const problems: Problem[] = [];
    for (const [early, late] of ORDER) {
      const a: DateField | undefined = h[early];
      const b: DateField | undefined = h[late];
      if (!a?.value || !b?.value || a.value <= b.value) continue;
      problems.push({
        range: b.range,
        message: `${LABELS[late]} ${b.text} is before ${LABELS[early]} ${a.text}.`,
      });
    }
    return problems;
  },
};
