/** Rules that compare parts of a letter with each other: the case summary and the items, the header dates. */
import type { Rule, Problem } from './types';
import type { DateField, HeaderFields, Letter } from '../model';
import type { Line } from '../text/lines';
import { JoinedText } from '../text/joined';
import { lookupDrug, findDrug, type DrugEntry } from '../lexicon/drugs';

/** A sentence about what Utilization Review did with the request. */
const UR_SENTENCE = /\b(?:utilization review|UR)\b/i;
const UR_ACTION = /\b(?:non-?certif|modif|denied|deni|not certif|request)/i;
const WORD = /[A-Za-z][A-Za-z-]{2,}/g;

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
      const sentence = text.slice(from, to);
      const isUr = UR_SENTENCE.test(sentence) && UR_ACTION.test(sentence);
      WORD.lastIndex = 0;
      for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
        const entry = lookupDrug(m[0]);
        if (!entry) continue;
        mentioned.add(entry);
        if (isUr && !itemDrugs.has(entry) && !reported.has(entry)) {
          reported.add(entry);
          problems.push({
            range: joined.rangeOf(from + m.index, from + m.index + m[0].length),
            message: `The case summary says Utilization Review acted on ${m[0]}, but no disputed item is about ${entry.generic}.`,
          });
        }
      }
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
