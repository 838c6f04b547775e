/** Rules that compare parts of a letter with each other: the case summary and the items, the header dates. */
import type { Rule, Problem } from './types';
import type { DateField, HeaderFields, Letter } from '../model';
import type { Line } from '../text/lines';
import { JoinedText } from '../text/joined';
import { lookupDrug, lookupDrugIn, findDrug, type DrugEntry } from '../lexicon/drugs';

/** A sentence about what Utilization Review did with the request. */
const UR_SENTENCE = /\b(?:utilization review|UR)\b/i;
const UR_ACTION = /\b(?:non-?certif|modif|denied|deni|not certif|request)/i;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Calls `visit` with the span of each word in text[from, to), as /[A-Za-z][A-Za-z-]{2,}/g
 * would match them: a run of letters and hyphens less its leading hyphens, three characters
 * at least. A character loop: a regex match per word allocated too much on long summaries.
 */
function forEachWord(text: string, from: number, to: number, visit: (at: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && (isLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 45)) j++;
    if (j - i >= 3) visit(i, j);
    i = j;
  }
}

function summaryText(letter: Letter, lines: readonly Line[]): JoinedText | null {
  const section = letter.sections.find((s) => s.kind === 'caseSummary');
  if (!section) return null;
  const body = lines.slice(section.headingRange.end.line + 1, section.range.end.line + 1);
  const joined = new JoinedText(body);
  return joined.isEmpty ? null : joined;
}

/** Sentence spans of a text: a stop followed by a space and a capital ends one. Linear. */
function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < text.length - 2; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && text.charCodeAt(i + 1) === 32 && /[A-Z]/.test(text[i + 2])) {
      out.push([from, i + 1]);
      from = i + 2;
    }
  }
  out.push([from, text.length]);
  return out;
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
    const itemDrugs = new Set<DrugEntry>();
    for (const item of letter.items) {
      const d = itemDrug(item.title, item.treatment?.generic);
      if (d) itemDrugs.add(d);
    }
    const problems: Problem[] = [];
    const mentioned = new Set<DrugEntry>();
    const reported = new Set<DrugEntry>();
    for (const [from, to] of sentenceSpans(text)) {
      // Most sentences name no drug: test them for UR wording only when one does.
      let isUr: boolean | undefined;
      forEachWord(text, from, to, (at, end) => {
        const entry = lookupDrugIn(text, at, end);
        if (!entry) return;
        mentioned.add(entry);
        if (isUr === undefined) {
          const sentence = text.slice(from, to);
          isUr = UR_SENTENCE.test(sentence) && UR_ACTION.test(sentence);
        }
        if (isUr && !itemDrugs.has(entry) && !reported.has(entry)) {
          reported.add(entry);
          problems.push({
            range: joined.rangeOf(at, end),
            message: `The case summary says Utilization Review acted on ${text.slice(at, end)}, but no disputed item is about ${entry.generic}.`,
          });
        }
      });
    }
    for (const item of letter.items) {
      const d = itemDrug(item.title, item.treatment?.generic);
      if (d && !mentioned.has(d)) {
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
