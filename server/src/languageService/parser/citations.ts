/**
 * Reads the guideline sources cited on a guideline line: MTUS (and its ACOEM chapters),
 * ODG, and others, with chapter, section and page citations where written. Each citation
 * starts at "Decision based on" (or at the start of the text) and runs to the next one.
 */
import { ODG_NAMED_CHAPTER } from '../lexicon/odgChapters';
import type { Citation } from '../model';
import type { JoinedText } from '../text/joined';
import { collapseJoined, singleSpaced } from '../text/joined';

const SOURCE = /\b(?:Non-MTUS|MTUS|ACOEM|Official Disability Guidelines|ODG|UpToDate|Up-to-Date|Medical Treatment Utilization Schedule|Chronic Pain Medical Treatment Guidelines|guideline)/i;
const DECISION_BASED = /Decision based on\s*/gi;
const DECISION_BASED_LENGTH = 'Decision based on'.length;

/**
 * Citations in joined-text span [from, to) (the whole text by default). `spaceRuns` false says
 * the joined text holds no run of spaces (its caller collapsed it already), so no piece needs collapsing.
 */
export function readCitations(joined: JoinedText, from = 0, to = joined.text.length, spaceRuns = true): Citation[] {
  const text = joined.text;
  const out: Citation[] = [];
  // Piece boundaries: the span start and every "Decision based on".
  const cuts: Array<[number, number]> = [];
  DECISION_BASED.lastIndex = from;
  let pieceStart = from;
  // test, not exec: no match object per separator. The match starts at its phrase, found back
  // from its end over the spaces after it.
  while (DECISION_BASED.test(text)) {
    const after = DECISION_BASED.lastIndex;
    let at = after;
    while (isSpace(text.charCodeAt(at - 1))) at--;
    at -= DECISION_BASED_LENGTH;
    if (at >= to) break;
    if (at > pieceStart) cuts.push([pieceStart, at]);
    pieceStart = after;
  }
  cuts.push([pieceStart, to]);
  if (cuts.length === 1) splitSentences(text, cuts);
  const pieces = splitNonMtus(text, cuts);
  for (let c = 0; c < pieces.length; c++) {
    const a = pieces[c][0];
    let end = pieces[c][1];
    while (end > a && isTrailing(text.charCodeAt(end - 1))) end--;
    let start = a;
    while (start < end && text.charCodeAt(start) === 32) start++;
    // "The Expert Reviewer relied on the following guidelines: ODG, ...": the citation starts after the lead-in.
    // The colon is looked for in the piece's first 160 characters only: a search to the end
    // of the text from every piece was quadratic on a line of thousands of citations.
    // A lead-in's colon follows a word ("guidelines:", "upon:"); most colons in citations
    // follow "Section(s)" or "Page(s)" and rule the pattern out without running it.
    const colon = colonWithin(text, start, Math.min(end, start + 160));
    const beforeColon = colon > start ? text.charCodeAt(colon - 1) | 32 : 0;
    if (beforeColon >= 97 && beforeColon <= 122) {
      LEAD_IN.lastIndex = start;
      if (LEAD_IN.test(text) && LEAD_IN.lastIndex <= end) start = LEAD_IN.lastIndex;
    }
    if (end <= start) continue;
    const piece = text.slice(start, end);
    if (DID_NOT_CITE.test(piece) || !SOURCE.test(piece.length > 400 ? piece.slice(0, 400) : piece)) continue;
    out.push(makeCitation(piece, joined.rangeOf(start, end), spaceRuns));
  }
  return out;
}

const DID_NOT_CITE = /did not cite/i;

/** The first colon in [from, to), or -1. */
function colonWithin(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 58) return i;
  return -1;
}
/** A sentence that introduces the sources, up to its colon (sticky: read at a piece's start). */
const LEAD_IN = /[^:;.]{0,120}?\b(?:relied (?:up)?on|based (?:his|her|its|their|the) (?:decision|determination) (?:up)?on|following (?:medical )?(?:treatment )?guidelines?)[^:;.]{0,40}:\s*/iy;

/** What /[\s.;,]/ matches, by character code (a regex per character trimmed cost more than the trim). */
function isTrailing(c: number): boolean {
  return c === 46 || c === 59 || c === 44 || isSpace(c);
}

/** What /\s/ matches, by character code. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const ODG_WORDS = /\b(?:ODG|Official Disability Guidelines)\b/i;
const NON_MTUS_WORDS = /\bNon-MTUS\b/i;
const ACOEM_WORDS = /\bACOEM\b/i;
const MTUS_WORDS = /\b(?:MTUS|Medical Treatment Utilization Schedule|Chronic Pain Medical Treatment Guidelines)\b/i;

export function makeCitation(raw: string, range: Citation['range'], spaceRuns = true): Citation {
  const capped = raw.length > 2000 ? raw.slice(0, 2000) : raw;
  const text = spaceRuns ? collapseJoined(capped) : capped;
  // The strongest source named decides: ODG, then Non-MTUS (other), ACOEM, MTUS. One test
  // per source, strongest first, stopping at the first found (no match objects to allocate).
  // MTUS inside "Non-MTUS" also counts as MTUS here, which changes nothing: Non-MTUS wins.
  const odg = ODG_WORDS.test(text);
  const kind: Citation['kind'] = odg
    ? 'ODG'
    : NON_MTUS_WORDS.test(text)
      ? 'other'
      : ACOEM_WORDS.test(text)
        ? 'ACOEM'
        : MTUS_WORDS.test(text)
          ? 'MTUS'
          : 'other';
  const c: Citation = { kind, text, range };
  const pages = PAGES.exec(text);
  if (pages) c.pages = tidyPages(pages[1]);
  // A numbered "Chapter 13" first; then an ODG chapter known by name, read whole (`Knee & Leg`,
  // `Forearm, Wrist, & Hand`); then the general readings.
  const numbered = text.includes('Chapter') ? CHAPTER.exec(text) : null;
  const odgNamed = odg && !numbered ? ODG_NAMED_CHAPTER.exec(text) : null;
  const chapter = numbered ?? odgNamed ?? unnumberedChapterIn(text, odg);
  if (chapter) c.chapter = chapter[1] ?? chapter[2];
  const section = SECTION.exec(text);
  if (section) c.section = section[1].trim();
  else {
    // ODG and the 2017 ACOEM chapters name no "Section(s):": the topic after the chapter is the section.
    const topic = odgNamed ? topicAfter(text, odgNamed.index + odgNamed[0].length) : odg ? ODG_TOPIC.exec(text) : kind === 'ACOEM' && text.includes(' (20') ? ACOEM_2017_TOPIC.exec(text) : null;
    if (topic) c.section = topic[1];
  }
  return c;
}

/** The topic that follows a chapter read by name, after its comma (none when no comma follows). */
function topicAfter(text: string, at: number): RegExpExecArray | null {
  TOPIC_AFTER_CHAPTER.lastIndex = at;
  return TOPIC_AFTER_CHAPTER.exec(text);
}

// Module constants rather than literals in makeCitation: a literal is a new RegExp object each call.
const PAGES = /\bPages?(?:\(s\))?\s*(?::\s*)?(\d[\d,\- ]{0,40}\d|\d)/i;
const CHAPTER = /\bChapter\s+(\d+|[A-Z][A-Za-z]+)/;
const ODG_CHAPTER = /\b(?:ODG|Official Disability Guidelines(?: \(ODG\))?)\s+([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?(?:\s?\([A-Za-z ]+\))?)/;
/** 2017 MTUS chapters by name: "ACOEM Low Back Disorders (2017)", "MTUS (2017) Opioids". */
const NAMED_CHAPTER = /\bACOEM ((?:[A-Z][A-Za-z]+,? (?:and )?){1,4}(?:Disorders|Complaints))\b|\bMTUS \(20\d\d\),? ([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})/;
const SECTION = /\bSection\(?s?\)?\s*:\s*([^;]{1,120}?)(?:[.;]|,? Pages?\b|$)/i;
/**
 * The topic after an ODG chapter: `ODG Pain, Soma (Carisoprodol)`, `ODG, Knee & Leg Chapter,
 * Walking aids; ...`, `Official Disability Guidelines (ODG) Low Back, Preoperative testing, general`.
 * The chapter is the words up to the first comma; the topic runs to a semicolon, a full stop, ", which",
 * a page citation, the end, or another source ("... and Other Medical Treatment Guidelines").
 * A topic that is a page or chapter citation is none.
 */
const ODG_TOPIC =
  /\b(?:ODG|Official Disability Guidelines(?: \(ODG\))?),? (?:the )?[A-Z][^,;.]{0,60}?, ((?![Pp]ages?\b|Chapter\b)[^;]{0,119}?[^\s;,])(?:;|\.(?:\s|$)|,? [Pp]ages?\b|, which\b|\s+(?:and )?Other Medical Treatment Guidelines?\b|$)/;
/** `, <topic>` right after a chapter, ending as ODG_TOPIC's topic ends (sticky: read at one place). */
const TOPIC_AFTER_CHAPTER =
  /,\s+((?![Pp]ages?\b|Chapter\b)[^;]{0,119}?[^\s;,])(?:;|\.(?:\s|$)|,? [Pp]ages?\b|, which\b|\s+(?:and )?Other Medical Treatment Guidelines?\b|$)/y;
/** The topic after a 2017 ACOEM chapter: `ACOEM Knee Disorders (2017), Meniscectomy`. */
const ACOEM_2017_TOPIC =
  /\bACOEM (?:[A-Z][A-Za-z]+,? (?:and )?){1,4}(?:Disorders|Complaints) \(20\d\d\), ((?![Pp]ages?\b|Chapter\b)[^;]{0,119}?[^\s;,])(?:;|\.(?:\s|$)|,? [Pp]ages?\b|, which\b|$)/;

/**
 * The chapter match when no numbered "Chapter N" or listed ODG chapter is named. The case-sensitive chapter patterns start with fixed words: a text
 * without them is ruled out by an index search, cheaper than a failing regex scan.
 */
function unnumberedChapterIn(text: string, odg: boolean): RegExpExecArray | null {
  if (odg) return ODG_CHAPTER.exec(text);
  return text.includes('ACOEM ') || text.includes('MTUS (') ? NAMED_CHAPTER.exec(text) : null;
}

/** Page list with space runs collapsed and trailing separators dropped; the replaces run only when they would change something. */
function tidyPages(pages: string): string {
  let p = singleSpaced(pages);
  const last = p.charCodeAt(p.length - 1);
  if (last === 32 || last === 44 || last === 45) p = p.replace(/(?<![ ,-])[ ,-]+$/, '');
  return p;
}

/**
 * "...Knee Complaints, Chapter 13; Non-MTUS Citation ODG, ...": a Non-MTUS citation after a semicolon is a source of its own.
 * Returns the pieces with those split off (`cuts` itself when nothing is split).
 */
function splitNonMtus(text: string, cuts: Array<[number, number]>): Array<[number, number]> {
  // The next semicolon at or after the current piece. Pieces come in text order, so the
  // search only moves forward: searching again from every piece's start made a line of
  // many thousand pieces and no semicolon quadratic.
  let semicolon = -1;
  // The pieces once one is split, built up in order: splicing each split into `cuts` in place
  // moved the rest of the list every time, quadratic on a line of many thousand splits.
  let out: Array<[number, number]> | null = null;
  for (let c = 0; c < cuts.length; c++) {
    let a = cuts[c][0];
    const b = cuts[c][1];
    // What is left of a piece after a split is tested again: it may hold another stop.
    for (;;) {
      if (semicolon < a && semicolon !== Infinity) {
        const next = text.indexOf(';', a);
        semicolon = next < 0 ? Infinity : next;
      }
      // The stop needs a semicolon: most pieces have none and skip the slice and regex.
      if (b - a > 5000 || semicolon >= b) break;
      const stop = /; ?(?=Non-MTUS\b)/i.exec(text.slice(a, b));
      if (!stop || stop.index === 0) break;
      const at = a + stop.index;
      (out ??= cuts.slice(0, c)).push([a, at]);
      a = at + stop[0].length;
    }
    if (out) out.push([a, b]);
  }
  return out ?? cuts;
}

/**
 * Without "Decision based on" separators (professional review, 2013 notices), sources are
 * listed as sentences: split a piece where a new sentence names a new source.
 */
function splitSentences(text: string, cuts: Array<[number, number]>): void {
  for (let c = 0; c < cuts.length; c++) {
    const [a, b] = cuts[c];
    // The stop needs ". " or "; " within the piece: most pieces have neither and skip the slice and regex.
    const dot = text.indexOf('. ', a);
    const semi = text.indexOf('; ', a);
    if (b - a > 5000 || ((dot < 0 || dot + 2 > b) && (semi < 0 || semi + 2 > b))) continue;
    const piece = text.slice(a, b);
    const stop = NEXT_SOURCE.exec(piece);
    if (!stop) continue;
    const at = a + stop.index + 1;
    cuts.splice(c, 1, [a, at], [at + stop[0].length - 1, b]);
  }
}

/** A sentence, or a semicolon-separated entry, that names a new source ("...; UpToDate, Tramadol"). */
const NEXT_SOURCE = /[.;] (?=(?:MTUS|ACOEM|ODG|Official Disability|Non-MTUS|UpToDate|American College|The (?:MTUS|ACOEM|ODG|Official))\b)/;
