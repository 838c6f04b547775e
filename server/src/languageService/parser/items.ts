/**
 * Reads the disputed items of a decisions section in the reference layout: a heading
 * `<item>: <Outcome>` (possibly wrapped, or with the outcome alone on the next line),
 * then `Claims Administrator guideline:`, `MAXIMUS guideline:` and `Decision rationale:`
 * blocks. Blank lines never delimit anything: extraction puts them everywhere.
 */
import type { DisputedItem, GuidelineLine, GuidelineSource, Outcome, Rationale } from '../model';
import type { Line } from '../text/lines';
import { spanRange, inLine } from '../text/lines';
import { JoinedText, collapseSpaces } from '../text/joined';
import { readCitations } from './citations';
import { readConclusion } from './conclusion';
import { readPartial } from './partial';
import { readTreatment } from '../lexicon/treatments';

type LineKind = 'ca' | 'maximus' | 'rationale' | 'intro' | 'outcome' | 'outcomeAlone' | 'text';

const CA_LABEL = /^Claims Administrator guidelines?\s*:/i;
const MAXIMUS_LABEL = /^MAXIMUS guidelines?\s*:/i;
const RATIONALE_LABEL = /^Decision rationale\s*:/i;
const INTRO = /^The Final Determination was based on decisions/i;
/** A heading line ending in a valid outcome. */
const OUTCOME_END = /:\s*(Upheld|Overturned)$/i;
const OUTCOME_ALONE = /^(Upheld|Overturned)$/i;
/** The tail after a heading's last colon when it is not a valid outcome: `Uphold`, `Upheld.`, `Denied`. */
const OTHER_TAIL = /:\s*([A-Za-z][A-Za-z-]{2,20}(?: [A-Za-z][A-Za-z-]{2,20})?\.?)$/;

const MAX_HEADING_LINES = 4;

export function classify(clean: string): LineKind {
  if (CA_LABEL.test(clean)) return 'ca';
  if (MAXIMUS_LABEL.test(clean)) return 'maximus';
  if (RATIONALE_LABEL.test(clean)) return 'rationale';
  if (INTRO.test(clean)) return 'intro';
  if (clean.length < 400 && OUTCOME_END.test(clean)) return 'outcome';
  if (OUTCOME_ALONE.test(clean)) return 'outcomeAlone';
  return 'text';
}

function canonicalOutcome(word: string): Outcome | null {
  const w = word.toLowerCase();
  if (w === 'upheld') return 'Upheld';
  if (w === 'overturned') return 'Overturned';
  return null;
}

/**
 * Finds items among `lines` (the body of a decisions section, blank lines included).
 * `sectionEnd` is the last line index belonging to the section.
 */
export function readItems(lines: readonly Line[]): DisputedItem[] {
  const body = lines.filter((l) => l.clean !== '');
  const kinds = body.map((l) => classify(l.clean));

  // Pass 1: where does each heading end? At a line ending in an outcome, at an outcome
  // alone after a line ending in a colon, or just before a label that can only open a new item.
  const headingEnds: number[] = [];
  let seen = new Set<LineKind>();
  let inItem = false;
  for (let i = 0; i < body.length; i++) {
    const k = kinds[i];
    if (k === 'outcome') {
      headingEnds.push(i);
      seen = new Set();
      inItem = true;
    } else if (k === 'outcomeAlone' && i > 0 && kinds[i - 1] === 'text' && body[i - 1].clean.endsWith(':')) {
      headingEnds.push(i);
      seen = new Set();
      inItem = true;
    } else if (k === 'ca' || k === 'maximus' || k === 'rationale') {
      const opensNew =
        !inItem ||
        seen.has(k) ||
        (k === 'ca' && (seen.has('maximus') || seen.has('rationale'))) ||
        (k === 'maximus' && seen.has('rationale'));
      if (opensNew && i > 0 && kinds[i - 1] === 'text' && !headingEnds.includes(i - 1)) {
        headingEnds.push(i - 1);
        seen = new Set();
        inItem = true;
      }
      seen.add(k);
    }
  }

  // Pass 2: walk back from each heading end over wrapped heading lines.
  const starts: number[] = [];
  let floor = 0;
  for (let h = 0; h < headingEnds.length; h++) {
    const end = headingEnds[h];
    let start = end;
    if (kinds[end] === 'outcomeAlone') start = end - 1;
    let joinedHead = body[start].clean;
    while (start - 1 >= floor && end - (start - 1) < MAX_HEADING_LINES + 1) {
      const prev = body[start - 1];
      if (kinds[start - 1] !== 'text') break;
      const partialContinues = /remaining|authorized|approved|modified/i.test(joinedHead) && !/original request/i.test(joinedHead);
      if (!partialContinues && /[.;!?]["')\]]?$/.test(prev.clean)) break;
      if (!partialContinues && prev.clean.length > 110) break;
      start--;
      joinedHead = prev.clean + ' ' + joinedHead;
    }
    starts.push(start);
    floor = end + 1;
  }

  const items: DisputedItem[] = [];
  for (let h = 0; h < headingEnds.length; h++) {
    const start = starts[h];
    const end = headingEnds[h];
    const blockEnd = h + 1 < starts.length ? starts[h + 1] - 1 : body.length - 1;
    items.push(buildItem(body, kinds, start, end, blockEnd));
  }
  return items;
}

function buildItem(body: readonly Line[], kinds: LineKind[], start: number, end: number, blockEnd: number): DisputedItem {
  const headLines = body.slice(start, end + 1);
  const head = new JoinedText(headLines);
  const text = head.text;

  let outcome: Outcome | null = null;
  let outcomeText: string | undefined;
  let titleEnd = text.length;
  let outcomeFrom = -1;
  const valid = /:?\s*(Upheld|Overturned)$/i.exec(text);
  const lastColon = text.lastIndexOf(':');
  if (valid && (kinds[end] === 'outcome' || kinds[end] === 'outcomeAlone')) {
    outcomeText = valid[1];
    outcome = canonicalOutcome(valid[1]);
    outcomeFrom = text.length - valid[1].length;
    titleEnd = lastColon >= 0 && lastColon < outcomeFrom ? lastColon : outcomeFrom;
  } else {
    const other = OTHER_TAIL.exec(text);
    if (other && !/\d/.test(other[1])) {
      outcomeText = other[1];
      outcomeFrom = text.length - other[1].length;
      titleEnd = lastColon;
    } else if (text.endsWith(':')) {
      titleEnd = text.length - 1;
    }
  }
  const rawTitle = text.slice(0, titleEnd).trimEnd();
  const partial = readPartial(rawTitle);
  const title = collapseSpaces(partial ? partial.remaining : rawTitle);
  let titleRange = head.rangeOf(0, rawTitle.length);
  if (partial) {
    const at = rawTitle.lastIndexOf(partial.remaining);
    if (at >= 0) titleRange = head.rangeOf(at, at + partial.remaining.length);
  }

  const guidelines: GuidelineLine[] = [];
  let rationale: Rationale | null = null;
  let i = end + 1;
  while (i <= blockEnd) {
    const k = kinds[i];
    let j = i + 1;
    while (j <= blockEnd && kinds[j] !== 'ca' && kinds[j] !== 'maximus' && kinds[j] !== 'rationale') j++;
    const blockLines = body.slice(i, j);
    if (k === 'ca' || k === 'maximus') {
      guidelines.push(buildGuideline(blockLines, k === 'ca' ? 'claimsAdministrator' : 'maximus'));
    } else if (k === 'rationale') {
      rationale = buildRationale(blockLines);
    }
    i = j;
  }

  const last = body[blockEnd];
  return {
    title,
    titleRange,
    headingRange: head.fullRange(),
    range: spanRange(body[start], last),
    outcome,
    ...(outcomeText !== undefined ? { outcomeText, outcomeRange: head.rangeOf(outcomeFrom, outcomeFrom + outcomeText.length) } : {}),
    ...(partial ? { partial } : {}),
    guidelines,
    rationale,
    treatment: readTreatment(title),
  };
}

function labelEnd(line: Line): number {
  const colon = line.raw.indexOf(':', line.start);
  return colon + 1;
}

function buildGuideline(lines: Line[], source: GuidelineSource): GuidelineLine {
  const first = lines[0];
  const after = labelEnd(first);
  const joined = new JoinedText(lines, after);
  const text = collapseSpaces(joined.text);
  return {
    source,
    label: first.raw.slice(first.start, after),
    labelRange: inLine(first, first.start, after),
    text,
    range: spanRange(first, lines[lines.length - 1]),
    citations: readCitations(joined),
    noneCited: /did not cite any/i.test(text),
  };
}

function buildRationale(lines: Line[]): Rationale {
  const first = lines[0];
  const after = labelEnd(first);
  const joined = new JoinedText(lines, after);
  return {
    text: collapseSpaces(joined.text),
    labelRange: inLine(first, first.start, after),
    range: spanRange(first, lines[lines.length - 1]),
    conclusion: readConclusion(joined),
  };
}
