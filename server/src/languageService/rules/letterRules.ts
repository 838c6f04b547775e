/** Rules that compare parts of a letter with each other: the case summary and the items, the header dates. */
import type { Rule, Problem } from './types';
import type { DateField, HeaderFields, Letter } from '../model';
import type { Line } from '../text/lines';
import { JoinedText } from '../text/joined';
import { lookupDrug, findDrug, drugWords, type DrugEntry } from '../lexicon/drugs';

/** A sentence about what Utilization Review did with the request (global: found in the whole summary). */
const UR_SENTENCE = /\b(?:utilization review|UR)\b/gi;
const UR_ACTION = /\b(?:non-?certif|modif|denied|deni|not certif|request)/i;

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
    const found = drugWords(text);
    // Only sentences with UR wording report drugs: find them from that wording.
    const spans = sentenceSpans(text);
    let s = 0;
    let k = 0;
    UR_SENTENCE.lastIndex = 0;
    for (let m = UR_SENTENCE.exec(text); m; m = UR_SENTENCE.exec(text)) {
      while (spans[s][1] <= m.index) s++;
      const [from, to] = spans[s];
      UR_SENTENCE.lastIndex = to;
      if (!UR_ACTION.test(text.slice(from, to))) continue;
      // Sentences come in text order, so one cursor walks the drug words.
      while (k < found.at.length && found.at[k] < from) k++;
      for (; k < found.at.length && found.at[k] < to; k++) {
        const entry = found.entry[k];
        if (itemDrugs.has(entry) || reported.has(entry)) continue;
        reported.add(entry);
        const at = found.at[k];
        const end = found.end[k];
        problems.push({
          range: joined.rangeOf(at, end),
          message: `The case summary says Utilization Review acted on ${text.slice(at, end)}, but no disputed item is about ${entry.generic}.`,
        });
      }
    }
    if (itemDrugs.size === 0) return problems;
    // A set: searching every drug word of the summary for each item cost items x words.
    const mentioned = new Set(found.entry);
    for (let i = 0; i < letter.items.length; i++) {
      const item = letter.items[i];
      const d = drugs[i];
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
