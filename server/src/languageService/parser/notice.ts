/**
 * The 2013 notice layout. Decisions are a numbered list, given twice (after the notice
 * title and again after INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE):
 *   `1) MAXIMUS Federal Services, Inc. has determined the request for <item> is not
 *   medically necessary and appropriate.`  (=> Upheld; without "not" => Overturned)
 * Each number gives one item (its first mention). Per-item rationale blocks, when present,
 * open with `1) Regarding the request for <item>:` followed by
 * `Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:` and
 * `Rationale for the Decision:`; they are attached to the item with the same number.
 */
import type { DisputedItem, GuidelineLine, GuidelineSource, Rationale } from '../model';
import type { Line } from '../text/lines';
import { spanRange, inLine, isPageFurniture, afterColon, rawSlice, copyRange, isBlank } from '../text/lines';
import { JoinedText, collapseSpaces, collapseJoined } from '../text/joined';
import { readCitations } from './citations';
import { readConclusion } from './conclusion';
import { readPartial } from './partial';
import { readTreatment } from '../lexicon/treatments';
import { matchHeading } from './headings';

const DECISION_START = /^(\d{1,2})\s?[.)]\s*MAXIMUS Federal Services,? Inc\.?,? (?:has )?determined\b/i;
const REQUEST_FOR = /\brequest(?:ed)?(?: for)? {1,3}/i;
/**
 * A word that a justified PDF may have split over two lines: the line join keeps the hyphen
 * (`medi-` / `cally` reads `medi-cally`), so a hyphen may stand between any two letters.
 */
const splittable = (word: string): string => word.split('').join('-?');
const VERDICT = new RegExp(
  ` {1,3}(?:is|was|are|were) {1,3}(not {1,3})?${splittable('medically')} {1,3}${splittable('necessary')}(?: {1,3}and {1,3}${splittable('appropriate')})?`,
  'gi',
);
const REGARDING = /^(\d{1,2})\s?[.)]\s*Regarding the request for\s+/i;
/**
 * A guideline heading: `... Relied Upon by the Expert Reviewer:`, one heading per source
 * (`... the Claims Administrator based its decision on:`, `... the Expert Reviewer based
 * his/her decision on:`, `... Relied Upon by the Claims Administrator:`) or a bare
 * `... Relied Upon:`. Group 1 or 2 names the source a heading is about.
 */
const GUIDELINE_LABEL =
  /^Medical Treatment Guidelines?(?:\(s\))? (?:Relied Upon(?: by the (Expert Reviewer|Claims Administrator))?|(?:that |which )?(?:the )?(Claims Administrator|Expert Reviewer) (?:based (?:its|his\/her|his|her|their) decisions? on|relied (?:up)?on))\s*:/i;
/**
 * A guideline sentence standing without a heading, before `Rationale for the Decision:`:
 * `The Claims Administrator based its decision on ...`, `... did not cite any ...`,
 * `The Expert Reviewer based his/her decision on ...` or `... relied on ...`.
 */
const GUIDELINE_SENTENCE =
  /^The (?:Claims Administrator (?:based its decision on|relied (?:up)?on|did not cite)|Expert Reviewer (?:based (?:his\/her|his|her) decision on|relied (?:up)?on))\b(?! the following)/i;
const RATIONALE_LABEL = /^Rationale for the Decision\s*:/i;
const CA_SENTENCE = /^The Claims Administrator\b/i;
const REVIEWER_SENTENCE = /\bThe Expert Reviewer\b/i;

export function readNoticeItems(lines: readonly Line[], from: number, to: number): DisputedItem[] {
  const byNumber = new Map<number, DisputedItem>();
  const items: DisputedItem[] = [];
  for (let i = from; i <= to; i++) {
    const clean = lines[i].clean;
    if (isBlank(lines[i]) || clean.length > 2000) continue;
    const c0 = clean.charCodeAt(0);
    if (c0 < 48 || c0 > 57) continue; // numbered lines only
    const start = DECISION_START.exec(clean);
    if (start) {
      const { item, last } = readDecision(lines, i, to, +start[1]);
      if (item && !byNumber.has(item.number!)) {
        byNumber.set(item.number!, item);
        items.push(item);
      }
      i = last;
      continue;
    }
    const regarding = REGARDING.exec(clean);
    if (regarding) i = readRationaleBlock(lines, i, to, +regarding[1], byNumber, items);
  }
  return items;
}

/** Reads one numbered decision sentence (it may wrap over a few lines). */
function readDecision(lines: readonly Line[], first: number, to: number, number: number): { item: DisputedItem | null; last: number } {
  const used: Line[] = [];
  let last = first;
  for (let i = first; i <= to && used.length < 6; i++) {
    const line = lines[i];
    if (isBlank(line) || isPageFurniture(line.clean, line.first)) continue;
    if (used.length > 0 && (/^\d{1,2}\s?[.)]\s/.test(line.clean) || matchHeading(line.clean))) break;
    used.push(line);
    last = i;
    if (/[.;]$/.test(line.clean)) break;
  }
  const joined = new JoinedText(used);
  const text = joined.text;
  const req = REQUEST_FOR.exec(text);
  if (!req) return { item: null, last };
  const titleFrom = req.index + req[0].length;
  VERDICT.lastIndex = titleFrom;
  const verdict = VERDICT.exec(text);
  if (!verdict) return { item: null, last };
  // A comma can close a title that wraps before its verdict: "..., 2 times per week for 6 weeks, is not".
  let titleTo = verdict.index;
  while (titleTo > titleFrom && (text.charCodeAt(titleTo - 1) === 44 || text.charCodeAt(titleTo - 1) === 32)) titleTo--;
  const rawTitle = text.slice(titleFrom, titleTo);
  const verdictFrom = verdict.index;
  const verdictTo = verdict.index + verdict[0].length;
  const partial = readPartial(rawTitle);
  const title = collapseSpaces(partial ? partial.remaining : rawTitle);
  return {
    item: {
      title,
      titleRange: joined.rangeOf(titleFrom, titleFrom + rawTitle.length),
      headingRange: joined.fullRange(),
      range: spanRange(used[0], used[used.length - 1]),
      // "has determined the request ... is not medically necessary": the denial stands.
      outcome: verdict[1] ? 'Upheld' : 'Overturned',
      outcomeRange: joined.rangeOf(verdictFrom + 1, verdictTo),
      number,
      ...(partial ? { partial } : {}),
      guidelines: [],
      rationale: null,
      treatment: readTreatment(title),
    },
    last,
  };
}

/** Reads a `N) Regarding the request for X:` block; returns the last line it used. */
function readRationaleBlock(
  lines: readonly Line[],
  first: number,
  to: number,
  number: number,
  byNumber: Map<number, DisputedItem>,
  items: DisputedItem[],
): number {
  // The block runs to the next numbered block or section heading.
  const body: Line[] = [lines[first]];
  let last = first;
  for (let i = first + 1; i <= to; i++) {
    const clean = lines[i].clean;
    if (isBlank(lines[i]) || isPageFurniture(clean, lines[i].first)) continue;
    if (REGARDING.test(clean) || DECISION_START.test(clean) || (clean.length < 120 && matchHeading(clean))) break;
    body.push(lines[i]);
    last = i;
  }
  let item = byNumber.get(number);
  if (!item) {
    // No decision list entry for this number: the block still names an item (outcome unknown).
    const head = new JoinedText([lines[first]]);
    const prefix = REGARDING.exec(head.text)!;
    const rawTitle = head.text.slice(prefix[0].length).replace(/:\s*$/, '');
    item = {
      title: collapseSpaces(rawTitle),
      titleRange: head.rangeOf(prefix[0].length, prefix[0].length + rawTitle.length),
      headingRange: head.fullRange(),
      range: spanRange(lines[first], lines[last]),
      outcome: null,
      number,
      guidelines: [],
      rationale: null,
      treatment: readTreatment(collapseSpaces(rawTitle)),
    };
    byNumber.set(number, item);
    items.push(item);
  }
  const isLabel = (l: Line) => GUIDELINE_LABEL.test(l.clean) || RATIONALE_LABEL.test(l.clean);
  let i = 1;
  while (i < body.length) {
    const heading = GUIDELINE_LABEL.exec(body[i].clean);
    const isRat = !heading && RATIONALE_LABEL.test(body[i].clean);
    let j = i + 1;
    while (j < body.length && !isLabel(body[j])) j++;
    if (heading) {
      // A heading about the Claims Administrator makes its lines the administrator's.
      const source: GuidelineSource = /claims/i.test(heading[1] ?? heading[2] ?? '') ? 'claimsAdministrator' : 'reviewer';
      // A loop, not push(...list): a spread of a block's many thousand guideline lines overflows the stack.
      for (const g of guidelinesOf(body.slice(i, j), true, source)) item.guidelines.push(g);
    } else if (isRat) {
      if (!item.rationale) item.rationale = rationaleOf(body.slice(i, j));
    } else if (j < body.length) {
      // Lines before the first heading: guideline sentences written without one. Each runs
      // from a line that opens like one to the next such line; anything else is left alone.
      for (let k = i; k < j; k++) {
        if (!GUIDELINE_SENTENCE.test(body[k].clean)) continue;
        let end = k + 1;
        while (end < j && !GUIDELINE_SENTENCE.test(body[end].clean)) end++;
        for (const g of guidelinesOf(body.slice(k, end), false, 'reviewer')) item.guidelines.push(g);
        k = end - 1;
      }
    }
    i = j;
  }
  if (item.outcome === null && item.rationale?.conclusion?.finding) {
    // No list entry gave the decision: the rationale's own conclusion states it.
    item.outcome = item.rationale.conclusion.finding === 'notNecessary' ? 'Upheld' : 'Overturned';
    item.outcomeRange = copyRange(item.rationale.conclusion.range);
  }
  return last;
}

/**
 * One guideline block, after its heading line (`labelled`) or from its first line; a leading
 * "The Claims Administrator based its decision on..." part is split off. Text that names
 * neither source belongs to `source` (the heading's).
 */
function guidelinesOf(block: Line[], labelled: boolean, source: GuidelineSource): GuidelineLine[] {
  const first = block[0];
  const after = labelled ? afterColon(first) : first.start;
  const joined = new JoinedText(block, after);
  const label = collapseSpaces(rawSlice(first, first.start, after));
  const labelRange = inLine(first, first.start, after);
  const text = joined.text;
  const parts: Array<[number, number, GuidelineSource]> = [];
  if (CA_SENTENCE.test(text)) {
    const rev = REVIEWER_SENTENCE.exec(text.slice(1));
    const cut = rev ? rev.index + 1 : text.length;
    parts.push([0, cut, 'claimsAdministrator']);
    if (cut < text.length) parts.push([cut, text.length, 'reviewer']);
  } else {
    parts.push([0, text.length, REVIEWER_SENTENCE.test(text) ? 'reviewer' : source]);
  }
  return parts.map(([a, b, source]) => {
    const piece = text.slice(a, b);
    return {
      source,
      label,
      labelRange: copyRange(labelRange),
      text: collapseSpaces(piece),
      range: a === 0 ? spanRange(first, block[block.length - 1]) : joined.rangeOf(a, b),
      citations: readCitations(joined, a, b),
      noneCited: /did not cite any/i.test(piece),
    };
  });
}

function rationaleOf(block: Line[]): Rationale {
  const first = block[0];
  const after = afterColon(first);
  const joined = new JoinedText(block, after);
  return {
    text: collapseJoined(joined.text),
    labelRange: inLine(first, first.start, after),
    range: spanRange(first, block[block.length - 1]),
    conclusion: readConclusion(joined),
  };
}
