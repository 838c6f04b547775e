/**
 * Reads the disputed items of a decisions section in the reference layout: a heading
 * `<item>: <Outcome>` (possibly wrapped, or with the outcome alone on the next line),
 * then `Claims Administrator guideline:`, `MAXIMUS guideline:` and `Decision rationale:`
 * blocks. Blank lines never delimit anything: extraction puts them everywhere.
 */
import type { DisputedItem, GuidelineLine, GuidelineSource, Outcome, Rationale } from '../model';
import type { Line } from '../text/lines';
import { spanRange, inLine, isBlank, isPageFurniture, afterColon, rawSlice } from '../text/lines';
import { JoinedText, collapseSpaces, collapseJoined } from '../text/joined';
import { readCitations } from './citations';
import { readConclusion } from './conclusion';
import { readPartial } from './partial';
import { readTreatment } from '../lexicon/treatments';
import { OUTCOME_TAIL, OUTCOME_ALONE, OTHER_TAIL, canonicalOutcome, withoutOutcomeTrail, outcomeTailAt } from './outcomes';

type LineKind = 'ca' | 'maximus' | 'rationale' | 'intro' | 'outcome' | 'outcomeAlone' | 'text';

/** The labels as templates and reviewers spell them: "Guideline(s):", "Claims Administrators", "MAXIMUS Federal Services", a bare "Rationale:". */
const CA_LABEL = /^Claims Administrator(?:'s|s|s')? guidelines?(?:\(s\))?\s*:/i;
const MAXIMUS_LABEL = /^MAXIMUS(?: Federal Services)? guidelines?(?:\(s\))?\s*:/i;
const RATIONALE_LABEL = /^(?:Decision )?rationale\s*:/i;
const INTRO = /^The Final Determination was based on decisions/i;
/** The claims administrator's line written without its label, right under the heading. */
const CA_UNLABELLED = /^The Claims Administrator did not cite any\b/i;
/** Lines this long are prose, never a heading line. */
const MAX_HEADING_LINE = 400;
/** A heading wraps over at most this many lines (a partial authorization over more). */
const MAX_HEADING_LINES = 4;
const MAX_PARTIAL_LINES = 7;
/** A previous line ending like a rationale's conclusion is not part of the next heading. */
/** A stop, or a finding after a verb ("is not medically necessary", not a title's "as medically indicated"). */
const ENDS_SENTENCE = /(?:[.!?;]["')\]]?|\b(?:is|are|was|were|be|been|not)(?:[ -][a-z]+){0,3}[ -](?:necessary|established|certified|appropriate|indicated|warranted|supported|recommended))$/i;
/** A dosing abbreviation (`b.i.d.`, `p.r.n.`, `q.h.s.`, `p.o.`) or a title (`Dr.`) at a line end does not end a sentence. */
const ENDS_ABBREVIATION = /(?:^|[\s(])(?:(?:[a-z0-9]{1,3}\.){2,}|(?:Dr|Mrs?|Ms|vs|approx)\.)$/i;
/** Starts with a lower-case letter: the rest of a wrapped sentence, not the first line of an item. */
const LOWER_START = /^[a-z]/;
const UPPER_START = /^[A-Z0-9]/;
const PARTIAL_WORDS = /remaining|eligible portion|was (?:authorized|approved|certified|modified)|^(?:of )?(?:the )?original request,|(?:^|\s)is\s*:/i;
const PARTIAL_START = /was the original request|original request was/i;
/**
 * Mailing material after the last rationale: appeal rights, a closing, a signature block, a
 * copy list. Nothing after such a line belongs to an item.
 */
const CLOSING =
  /^(?:(?:YOUR )?(?:RIGHT TO APPEAL|APPEAL RIGHTS|APPEAL INFORMATION|HOW TO APPEAL)\b|If you disagree with (?:this|the) (?:final )?(?:determination|decision)|This (?:final )?(?:determination|decision) is (?:final and )?binding\b|(?:Sincerely|Respectfully(?: submitted)?|Regards),?$|cc\s*:|Enclosures?\s*:|(?:DECLARATION|PROOF) OF SERVICE\b)/i;

/**
 * The two letters CLOSING can start with (`yo`ur, `ri`ght, `ap`peal, `ho`w, `if`, `th`is,
 * `si`ncerely, `re`gards, `cc`, `en`closures, `de`claration, `pr`oof), as a mask of second
 * letters (bit 0 for a) by first letter code: most lines are ruled out without a regex call.
 */
const CLOSING_STARTS = letterPairMasks(['yo', 'ri', 'ap', 'ho', 'if', 'th', 'si', 're', 'cc', 'en', 'de', 'pr']);

function letterPairMasks(pairs: string[]): Int32Array {
  const masks = new Int32Array(128);
  for (const p of pairs) masks[p.charCodeAt(0)] |= 1 << (p.charCodeAt(1) - 97);
  return masks;
}

/** CLOSING.test(clean), `first` being its first character's code. */
function isClosing(clean: string, first: number): boolean {
  // `| 32` lower-cases ASCII letters (CLOSING's /i folds no other character to one).
  const letter = first | 32;
  if (letter < 97 || letter > 122) return false;
  const second = (clean.charCodeAt(1) | 32) - 97;
  return second >= 0 && second < 26 && (CLOSING_STARTS[letter] & (1 << second)) !== 0 && CLOSING.test(clean);
}

function endsSentence(line: string): boolean {
  const tail = line.length > 80 ? line.slice(-80) : line;
  const last = tail.charCodeAt(tail.length - 1);
  // ENDS_SENTENCE and ENDS_ABBREVIATION are anchored at the end but would be tried from every
  // start: their last characters decide most lines first. A stop, maybe then one closing mark:
  // A sentence and then a citation in brackets: "... is not medically necessary. (MTUS, pages 78-80)".
  if (last === 41) {
    const open = tail.lastIndexOf('(');
    const before = open >= 2 && tail.charCodeAt(open - 1) === 32 ? tail.charCodeAt(open - 2) : 0;
    if (before === 46 || before === 33 || before === 63) return true;
  }
  const stop = last === 34 || last === 39 || last === 41 || last === 93 ? tail.charCodeAt(tail.length - 2) : last;
  if (stop === 46 || stop === 33 || stop === 63 || stop === 59) return last !== 46 || !ENDS_ABBREVIATION.test(tail);
  // Else a finding, whose last word ends in y, d or e.
  const lower = last | 32;
  return (lower === 121 || lower === 100 || lower === 101) && ENDS_SENTENCE.test(tail) && !ENDS_ABBREVIATION.test(tail);
}

/** A "Decision rationale:" or bare "Rationale:" label; its first letter (`c`) rules most lines out first. */
function isRationaleLabel(clean: string, c: number): boolean {
  const letter = c | 32;
  return (letter === 100 || letter === 114) && RATIONALE_LABEL.test(clean);
}

/** `first`: the code of the line's first character (Line.first). */
export function classify(clean: string, c = clean.charCodeAt(0)): LineKind {
  if ((c === 67 || c === 99) && CA_LABEL.test(clean)) return 'ca';
  if ((c === 77 || c === 109) && MAXIMUS_LABEL.test(clean)) return 'maximus';
  if (isRationaleLabel(clean, c)) return 'rationale';
  if (c === 84 && INTRO.test(clean)) return 'intro';
  if (clean.length < MAX_HEADING_LINE) {
    const core = withoutOutcomeTrail(clean);
    if (!mayEndInOutcome(core)) return 'text';
    // Only the tail can hold the outcome, after a colon: skip lines with no colon near their end.
    const colon = core.lastIndexOf(':');
    if (colon >= 0 && colon >= core.length - 40 && outcomeTailAt(core, colon)) return 'outcome';
    if (core.length < 40 && OUTCOME_ALONE.test(core)) return 'outcomeAlone';
  }
  return 'text';
}

/**
 * Every outcome word ends in d, s, n or t, then maybe a stop (outcomes.ts): a line ending in
 * anything else holds no outcome at its end, which rules out most prose lines without a search.
 */
function mayEndInOutcome(s: string): boolean {
  let i = s.length - 1;
  let c = s.charCodeAt(i);
  if (c === 46 || c === 33) c = s.charCodeAt(--i);
  c |= 32; // ASCII lower case; no other character folds to these under the outcome patterns' /i
  return c === 100 || c === 115 || c === 110 || c === 116;
}

const isLabel = (k: LineKind): boolean => k === 'ca' || k === 'maximus' || k === 'rationale';

/** Finds the items among lines `from`..`to` (inclusive) of the document. */
export function readItems(lines: readonly Line[], from: number, to: number): DisputedItem[] {
  const body: Line[] = [];
  let seenRationale = false;
  for (let i = from; i <= to && i < lines.length; i++) {
    const clean = lines[i].clean;
    const first = lines[i].first;
    if (isBlank(lines[i]) || isPageFurniture(clean, first)) continue;
    // The letter's closing material ends the decisions once an item has its rationale.
    if (seenRationale && isClosing(clean, first)) break;
    if (!seenRationale && isRationaleLabel(clean, first)) seenRationale = true;
    body.push(lines[i]);
  }
  const kinds = body.map((l) => classify(l.clean, l.first));

  // Pass 1: where does each heading end? At a line ending in an outcome, at an outcome
  // alone after a line ending in a colon, or just before a label that can only open a new item.
  const headingEnds: number[] = [];
  let seenCa = false;
  let seenMax = false;
  let seenRat = false;
  let inItem = false;
  for (let i = 0; i < body.length; i++) {
    const k = kinds[i];
    // Where a heading ends, if one ends at this line (-1 when none does).
    let end = -1;
    if (k === 'outcome') end = i;
    else if (k === 'outcomeAlone' && i > 0 && kinds[i - 1] === 'text' && body[i - 1].clean.endsWith(':')) end = i;
    else if (isLabel(k)) {
      const opensNew =
        !inItem ||
        (k === 'ca' && (seenCa || seenMax || seenRat)) ||
        (k === 'maximus' && (seenMax || seenRat)) ||
        (k === 'rationale' && seenRat);
      const lastEnd = headingEnds.length ? headingEnds[headingEnds.length - 1] : -1;
      if (opensNew && i > 0 && kinds[i - 1] === 'text' && lastEnd !== i - 1) end = i - 1;
    }
    if (end >= 0) {
      headingEnds.push(end);
      seenCa = seenMax = seenRat = false;
      inItem = true;
    }
    if (k === 'ca') seenCa = true;
    else if (k === 'maximus') seenMax = true;
    else if (k === 'rationale') seenRat = true;
  }

  // Pass 2: walk back from each heading end over wrapped heading lines.
  const starts: number[] = [];
  let floor = 0;
  for (const end of headingEnds) {
    // The count is of title lines: an outcome alone on its own line does not use one up.
    const titleEnd = kinds[end] === 'outcomeAlone' ? end - 1 : end;
    let start = titleEnd;
    let partial = PARTIAL_WORDS.test(body[start].clean) && !PARTIAL_START.test(body[start].clean);
    let wasPartial = partial;
    // Cleared when the walk ran out of lines or met a label rather than a sentence end, a colon
    // or the previous heading: it may then have taken in the end of the previous rationale.
    let sure = true;
    while (start - 1 >= floor && kinds[start - 1] === 'text') {
      const prev = body[start - 1].clean;
      const count = titleEnd - start + 1;
      if (prev.endsWith(':')) break;
      if (partial) {
        if (count >= MAX_PARTIAL_LINES) break;
      } else if (prev.length > 110 || endsSentence(prev)) break;
      else if (count >= MAX_HEADING_LINES) {
        sure = false;
        break;
      }
      start--;
      if (partial && PARTIAL_START.test(prev)) {
        partial = false;
        // "X was the original request" opens the heading unless X wrapped from the line before.
        if (UPPER_START.test(prev)) break;
      } else if (!partial && PARTIAL_WORDS.test(prev) && !PARTIAL_START.test(prev)) wasPartial = partial = true;
    }
    if (start - 1 >= floor && isLabel(kinds[start - 1])) sure = false;
    // A rationale without a final stop ends in a line that continues a sentence (lower case);
    // the item starts at the next line that starts like a title (upper case or a digit).
    if (!sure && !wasPartial) {
      for (let k = titleEnd; k > start; k--) {
        if (UPPER_START.test(body[k].clean) && LOWER_START.test(body[k - 1].clean)) {
          start = k;
          break;
        }
      }
    }
    starts.push(start);
    floor = end + 1;
  }

  const items: DisputedItem[] = [];
  for (let h = 0; h < headingEnds.length; h++) {
    const blockEnd = h + 1 < starts.length ? starts[h + 1] - 1 : body.length - 1;
    items.push(buildItem(body, kinds, starts[h], headingEnds[h], blockEnd));
  }
  return withoutSummaryList(items);
}

/**
 * A list of the decisions after the last item (`Zanaflex 4mg #60: Upheld` again, under a
 * "Summary" line) repeats items without guideline or rationale lines: drop that trailing run
 * when every heading in it holds the title of an earlier item
 * (`Treatment: X   Determination: Overturned` too).
 */
function withoutSummaryList(items: DisputedItem[]): DisputedItem[] {
  let cut = items.length;
  while (cut > 1 && items[cut - 1].guidelines.length === 0 && !items[cut - 1].rationale) cut--;
  if (cut === items.length) return items;
  const full = items.slice(0, cut);
  const titles = full.map((i) => i.title.toLowerCase());
  for (let k = cut; k < items.length; k++) {
    const t = items[k].title.toLowerCase();
    if (!titles.some((earlier) => earlier !== '' && t.includes(earlier))) return items;
  }
  return full;
}

/** A bullet (also Word's private-use bullet) or a short list number, then a space. */
const LIST_MARKER = /^(?:[\u2022\u00b7\u25aa\u25cf\u25e6\uf0b7*]|\(?\d{1,2}[.)])[ \t]+/;

function buildItem(body: readonly Line[], kinds: LineKind[], start: number, end: number, blockEnd: number): DisputedItem {
  const head = new JoinedText(body, undefined, start, end + 1);
  // Page furniture or a footnote marker after the outcome is neither title nor outcome.
  const text = withoutOutcomeTrail(head.text);

  let outcome: Outcome | null = null;
  let outcomeText: string | undefined;
  let outcomeFrom = -1;
  let titleEnd = text.length;
  const lastColon = text.lastIndexOf(':');
  // Outcome words sit at the very end: test only the tail of long heading texts.
  const tailText = text.length > 80 ? text.slice(text.length - 80) : text;
  const known = kinds[end] === 'outcome' || kinds[end] === 'outcomeAlone' ? OUTCOME_TAIL.exec(tailText) : null;
  const other = known ? null : OTHER_TAIL.exec(tailText);
  const tail = known ?? (other && !/\d/.test(other[1]) ? other : null);
  if (tail) {
    outcomeText = tail[1];
    outcome = canonicalOutcome(outcomeText);
    outcomeFrom = text.length - outcomeText.length;
    titleEnd = lastColon >= 0 && lastColon < outcomeFrom ? lastColon : outcomeFrom;
  } else if (text.endsWith(':')) {
    titleEnd = text.length - 1;
  }
  // A list marker the letter's producer put before the heading (a bullet, "2." or "3)") is not
  // part of what was requested.
  const marker = LIST_MARKER.exec(text)?.[0].length ?? 0;
  const rawTitle = text.slice(marker, Math.max(marker, titleEnd)).trimEnd();
  const partial = readPartial(rawTitle);
  const title = collapseSpaces(partial ? partial.remaining : rawTitle);
  let titleRange = head.rangeOf(marker, marker + rawTitle.length);
  if (partial) {
    const at = rawTitle.lastIndexOf(partial.remaining);
    if (at >= 0) titleRange = head.rangeOf(marker + at, marker + at + partial.remaining.length);
  }

  const guidelines: GuidelineLine[] = [];
  let rationale: Rationale | null = null;
  let i = end + 1;
  while (i <= blockEnd) {
    const k = kinds[i];
    let j = i + 1;
    while (j <= blockEnd && !isLabel(kinds[j])) j++;
    if (k === 'ca' || k === 'maximus') guidelines.push(buildGuideline(body, i, j, k === 'ca' ? 'claimsAdministrator' : 'maximus'));
    else if (k === 'rationale' && !rationale) rationale = buildRationale(body, i, j);
    else if (i === end + 1 && CA_UNLABELLED.test(body[i].clean)) guidelines.push(buildGuideline(body, i, j, 'claimsAdministrator', body[i].start));
    i = j;
  }

  // Optional fields are set one by one, in the model's field order: spreading small objects
  // into the literal went through a slow runtime copy for every item.
  const item = { title, titleRange, headingRange: head.fullRange(), range: spanRange(body[start], body[blockEnd]), outcome } as DisputedItem;
  if (outcomeText !== undefined) {
    item.outcomeText = outcomeText;
    item.outcomeRange = head.rangeOf(outcomeFrom, outcomeFrom + outcomeText.length);
  }
  if (partial) item.partial = partial;
  item.guidelines = guidelines;
  item.rationale = rationale;
  item.treatment = readTreatment(title);
  return item;
}

const NONE_CITED = /did not cite any|no (?:medical )?evidence (?:was )?cited/i;

/** The guideline line held by `lines[lo]`..`lines[hi - 1]`; its text starts at character `after` of the first. */
function buildGuideline(lines: readonly Line[], lo: number, hi: number, source: GuidelineSource, after = afterColon(lines[lo])): GuidelineLine {
  const first = lines[lo];
  const joined = new JoinedText(lines, after, lo, hi);
  const text = collapseJoined(joined.text);
  return {
    source,
    label: collapseSpaces(rawSlice(first, first.start, after)),
    labelRange: inLine(first, first.start, after),
    text,
    range: spanRange(first, lines[hi - 1]),
    // The collapsed text is the joined one itself when the latter holds no run of spaces.
    citations: readCitations(joined, 0, joined.text.length, text !== joined.text),
    noneCited: NONE_CITED.test(text),
  };
}

function buildRationale(lines: readonly Line[], lo: number, hi: number): Rationale {
  const first = lines[lo];
  const after = afterColon(first);
  const joined = new JoinedText(lines, after, lo, hi);
  return {
    text: collapseJoined(joined.text),
    labelRange: inLine(first, first.start, after),
    range: spanRange(first, lines[hi - 1]),
    conclusion: readConclusion(joined),
  };
}
