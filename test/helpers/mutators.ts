/**
 * Hostile-input toolkit for the fuzz tests: fast-check arbitraries that write synthetic
 * IMR letters (our own wording, built from the facts in letter-formats.md) and mutate
 * letters at the byte, line and section level, plus builders for the giant inputs
 * (5 MB line, 100,000 blank lines, 10,000 items...).
 *
 * Everything is driven by fast-check, so a failing case is reproducible from the seed
 * printed in the failure message.
 */
import fc from 'fast-check';

// ---------------------------------------------------------------------------
// Synthetic letters
// ---------------------------------------------------------------------------

const DRUGS = ['Soma 350 mg #60', 'Flexeril 7.5mg #90', 'Norco 10/325 #120', 'Ultram ER 150mg', 'Lyrica 75mg #60', 'Zanaflex 4mg one TID', 'Neurontin 600 mg'];
const OTHER_ITEMS = ['Physical therapy 2x4 for the lumbar spine', 'MRI of the right knee', 'Acupuncture x 12 sessions', 'TENS unit purchase', 'Lumbar epidural steroid injection at L4-5'];
const OUTCOMES = ['Upheld', 'Overturned', 'Uphold', 'Overturn', 'upheld', 'Upheld.', 'Denied', ''];

export interface LetterSpec {
  withHeader: boolean;
  items: Array<{ title: string; outcome: string; partial: boolean; outcomeOnNextLine: boolean }>;
  blankAfterEveryLine: boolean;
  trailingSpaces: boolean;
  indentHeadings: boolean;
  crlf: boolean;
  bom: boolean;
  nbsp: boolean;
  curlyQuotes: boolean;
  formFeedInItem: boolean;
}

const itemArb = fc.record({
  title: fc.constantFrom(...DRUGS, ...OTHER_ITEMS),
  outcome: fc.constantFrom(...OUTCOMES),
  partial: fc.boolean(),
  outcomeOnNextLine: fc.boolean(),
});

export const letterSpecArb: fc.Arbitrary<LetterSpec> = fc.record({
  withHeader: fc.boolean(),
  items: fc.array(itemArb, { minLength: 0, maxLength: 6 }),
  blankAfterEveryLine: fc.boolean(),
  trailingSpaces: fc.boolean(),
  indentHeadings: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  nbsp: fc.boolean(),
  curlyQuotes: fc.boolean(),
  formFeedInItem: fc.boolean(),
});

/** Writes one letter as the lines a PDF-to-text tool would give (before line endings). */
export function letterLines(spec: LetterSpec): string[] {
  const head = (h: string) => (spec.indentHeadings ? `   ${h} ` : h);
  const out: string[] = [];
  if (spec.withHeader) {
    out.push('Case Number:          CM15-0123456');
    out.push('Date Assigned:        03/02/2015                      Date of Injury:      07/19/2012');
    out.push('Decision Date:        04/01/2015                      UR Denial Date:      02/20/2015');
    out.push('Priority:             Standard                        Application          02/24/2015');
    out.push('                                                      Received:');
  }
  out.push(head('HOW THE IMR FINAL DETERMINATION WAS MADE'));
  out.push('An expert reviewer with no ties to the parties examined the file and wrote this determination.');
  out.push('The Expert Reviewer has the following credentials:');
  out.push('State(s) of Licensure: California, Oregon');
  out.push('Certification(s)/Specialty: Physical Medicine & Rehabilitation');
  out.push(head('CLINICAL CASE SUMMARY'));
  out.push(spec.curlyQuotes ? 'The claimant is a 47 year old male who hurt his \u201clower back\u201d on 07/19/2012.' : 'The claimant is a 47 year old male who hurt his lower back on 07/19/2012.');
  out.push('Utilization Review on 02/20/2015 non-certified the requests listed below.');
  out.push(head('IMR ISSUES, DECISIONS AND RATIONALES'));
  out.push('The Final Determination was based on decisions for the disputed items/services set forth below:');
  for (const item of spec.items) {
    const outcome = item.outcome;
    if (item.partial) {
      out.push(`${item.title} was the original request. Part of it was authorized by the Claims Administrator. The remaining IMR eligible portion of the`);
      out.push(`original request, ${item.title} is:${item.outcomeOnNextLine ? '' : ' ' + outcome}`);
    } else {
      out.push(`${item.title}:${item.outcomeOnNextLine ? '' : '  ' + outcome}`);
    }
    if (item.outcomeOnNextLine && outcome) out.push(outcome);
    if (spec.formFeedInItem) out.push('\f');
    out.push('Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Page(s): 63-66.');
    out.push('MAXIMUS guideline: Decision based on Non-MTUS Citation ODG, Pain Chapter.');
    out.push(spec.curlyQuotes ? 'Decision rationale: The guideline says \u201cnot recommended for long-term use\u201d.' : 'Decision rationale: The guideline says "not recommended for long-term use".');
    out.push(/^Overturn/.test(outcome) ? 'Medical necessity has been established.' : `As such, the request for ${item.title} is not medically necessary.`);
  }
  return out;
}

/** Renders a letter spec to text with the spec's extraction artifacts. */
export function renderLetter(spec: LetterSpec): string {
  let lines = letterLines(spec);
  if (spec.trailingSpaces) lines = lines.map((l) => l + '  ');
  if (spec.nbsp) lines = lines.map((l) => l.replace(/ {2}/g, '\u00a0 '));
  if (spec.blankAfterEveryLine) lines = lines.flatMap((l) => [l, '']);
  const text = lines.join(spec.crlf ? '\r\n' : '\n') + (spec.crlf ? '\r\n' : '\n');
  return (spec.bom ? '\ufeff' : '') + text;
}

/** Whole letters with random layout artifacts (one to three letters in one file). */
export const letterTextArb: fc.Arbitrary<string> = fc.array(letterSpecArb, { minLength: 1, maxLength: 3 }).map((specs) => specs.map(renderLetter).join('\n'));

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

/** Characters that break naive code: controls, NUL, lone surrogates, astral, RTL, BOM, separators. */
const NASTY_CHARS = ['\0', '\x01', '\x08', '\x1b', '\x7f', '\r', '\n', '\r\n', '\f', '\v', '\t', '\u0085', '\u2028', '\u2029', '\ufeff', '\u00a0', '\u200b', '\u202e', '\ud800', '\udfff', '\ud83d\ude00', '\uffff', '\u00ad', ':', '#', '-', '"'];

const nastyStringArb = fc.oneof(
  fc.constantFrom(...NASTY_CHARS),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...NASTY_CHARS), maxLength: 8 }),
);

/** One edit to a text; positions are fractions so they fit any length. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'replaceChar'; at: number; s: string }
  | { kind: 'duplicateLines'; at: number; len: number }
  | { kind: 'deleteLines'; at: number; len: number }
  | { kind: 'shuffleLines'; at: number; len: number; seed: number }
  | { kind: 'lineEndings'; seed: number }
  | { kind: 'blankRun'; at: number; len: number }
  | { kind: 'splitLine'; at: number; cut: number }
  | { kind: 'shuffleSections'; seed: number }
  | { kind: 'duplicateSection'; at: number; times: number }
  | { kind: 'dropSection'; at: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: frac }),
  fc.record({ kind: fc.constant('insert' as const), at: frac, s: nastyStringArb }),
  fc.record({ kind: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replaceChar' as const), at: frac, s: nastyStringArb }),
  fc.record({ kind: fc.constant('duplicateLines' as const), at: frac, len: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('deleteLines' as const), at: frac, len: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('shuffleLines' as const), at: frac, len: fc.integer({ min: 2, max: 12 }), seed: fc.integer() }),
  fc.record({ kind: fc.constant('lineEndings' as const), seed: fc.integer() }),
  fc.record({ kind: fc.constant('blankRun' as const), at: frac, len: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('splitLine' as const), at: frac, cut: frac }),
  fc.record({ kind: fc.constant('shuffleSections' as const), seed: fc.integer() }),
  fc.record({ kind: fc.constant('duplicateSection' as const), at: frac, times: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('dropSection' as const), at: frac }),
);

/** A small deterministic PRNG (mulberry32) for shuffles decided by a generated seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], seed: number): T[] {
  const rnd = prng(seed);
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const HEADING_START = /^\s*(HOW THE IMR|CLINICAL CASE SUMMARY|IMR ISSUES|Case Number:|DOCUMENTS REVIEWED|IMR DECISION)/;

/** Cuts a text into blocks that each start at a section heading (the first block may be a preamble). */
export function sectionBlocks(text: string): string[] {
  const lines = text.split('\n');
  const blocks: string[][] = [[]];
  for (const l of lines) {
    if (HEADING_START.test(l) && blocks[blocks.length - 1].length > 0) blocks.push([]);
    blocks[blocks.length - 1].push(l);
  }
  return blocks.map((b) => b.join('\n'));
}

/** Applies one mutation; total function (any text, any mutation). */
export function applyMutation(text: string, m: Mutation): string {
  const pos = (f: number, n: number) => Math.min(n, Math.floor(f * (n + 1)));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, pos(m.at, text.length));
    case 'insert': {
      const i = pos(m.at, text.length);
      return text.slice(0, i) + m.s + text.slice(i);
    }
    case 'delete': {
      const i = pos(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.len);
    }
    case 'replaceChar': {
      const i = pos(m.at, text.length);
      return text.slice(0, i) + m.s + text.slice(i + 1);
    }
    case 'duplicateLines':
    case 'deleteLines':
    case 'shuffleLines':
    case 'blankRun': {
      const lines = text.split('\n');
      const i = pos(m.at, lines.length - 1);
      const block = lines.slice(i, i + m.len);
      const rest = lines.slice(i + m.len);
      const mid =
        m.kind === 'duplicateLines' ? [...block, ...block] : m.kind === 'deleteLines' ? [] : m.kind === 'shuffleLines' ? shuffle(block, m.seed) : [...Array<string>(m.len).fill(''), ...block];
      return [...lines.slice(0, i), ...mid, ...rest].join('\n');
    }
    case 'lineEndings': {
      // Re-terminate every line with a random \n, \r\n or \r: mixed endings in one file.
      const rnd = prng(m.seed);
      const eols = ['\n', '\r\n', '\r'];
      return text
        .split(/\r\n|\r|\n/)
        .map((l, i, all) => (i === all.length - 1 ? l : l + eols[Math.floor(rnd() * 3)]))
        .join('');
    }
    case 'splitLine': {
      const lines = text.split('\n');
      const i = pos(m.at, lines.length - 1);
      const c = pos(m.cut, lines[i].length);
      lines.splice(i, 1, lines[i].slice(0, c), lines[i].slice(c));
      return lines.join('\n');
    }
    case 'shuffleSections':
      return shuffle(sectionBlocks(text), m.seed).join('\n');
    case 'duplicateSection': {
      const blocks = sectionBlocks(text);
      const i = pos(m.at, blocks.length - 1);
      blocks.splice(i, 0, ...Array<string>(m.times).fill(blocks[i]));
      return blocks.join('\n');
    }
    case 'dropSection': {
      const blocks = sectionBlocks(text);
      blocks.splice(pos(m.at, blocks.length - 1), 1);
      return blocks.join('\n');
    }
  }
}

export function applyMutations(text: string, ms: Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** A text and the mutations that made it, for readable counterexamples. */
export function mutatedArb(base: fc.Arbitrary<string>, maxMutations = 6): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: maxMutations })).map(([t, ms]) => applyMutations(t, ms));
}

/** Arbitrary junk with letter-ish words mixed in: the parser must cope with anything. */
export const junkTextArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES', 'Soma: Upheld', ': Overturned', 'Decision rationale:', 'Case Number:', 'MAXIMUS guideline:', '\n', '\r\n', '\r', ' '.repeat(40), '#'.repeat(30), ':'.repeat(30), '-'.repeat(30), '1'.repeat(30)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------
// Giant inputs (built directly: too big to shrink usefully)
// ---------------------------------------------------------------------------

const BASE_SPEC: LetterSpec = {
  withHeader: true,
  items: [{ title: 'Soma 350 mg #60', outcome: 'Upheld', partial: false, outcomeOnNextLine: false }],
  blankAfterEveryLine: false,
  trailingSpaces: false,
  indentHeadings: false,
  crlf: false,
  bom: false,
  nbsp: false,
  curlyQuotes: false,
  formFeedInItem: false,
};

export function baseLetter(): string {
  return renderLetter(BASE_SPEC);
}

/** One line of `size` characters cycling through letter-ish text. */
export function hugeSingleLine(size: number): string {
  const chunk = 'Soma 350 mg #60: Upheld Decision rationale: not medically necessary. ';
  return chunk.repeat(Math.ceil(size / chunk.length)).slice(0, size);
}

/** A valid letter followed (or preceded) by `n` empty lines. */
export function manyEmptyLines(n: number): string {
  return baseLetter() + '\n'.repeat(n) + baseLetter();
}

/** One letter with `n` disputed items. */
export function manyItems(n: number): string {
  const outcomes = ['Upheld', 'Overturned'];
  const items = Array.from({ length: n }, (_, i) => ({ title: `${DRUGS[i % DRUGS.length]} (request ${i + 1})`, outcome: outcomes[i % 2], partial: i % 7 === 3, outcomeOnNextLine: i % 5 === 1 }));
  return renderLetter({ ...BASE_SPEC, items });
}

/** Every heading the parser knows, each repeated `times` times, with no body. */
export function everyHeadingRepeated(times: number): string {
  const headings = [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'DOCUMENTS REVIEWED',
    'CLINICAL CASE SUMMARY',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'IMR DECISION(S) AND RATIONALE(S)',
    'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
    'Medical Qualifications of the Expert Reviewer:',
    'Case Summary:',
    'MEDICAL PROFESSIONAL REVIEW',
    'ISSUE AT DISPUTE:',
    'CASE SUMMARY:',
    'DOCUMENTS REVIEWED FOR DETERMINATION:',
    'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
    'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
    'MEDICAL REVIEWER QUALIFICATIONS:',
    'MAXIMUS FEDERAL SERVICES, INC.',
    'Notice of Independent Medical Review Determination',
    'Case Number:          CM15-0123456',
  ];
  const out: string[] = [];
  for (let t = 0; t < times; t++) for (const h of headings) out.push(h, 'Soma 350 mg #60: Upheld');
  return out.join('\n');
}

/** A letter whose lines end in \n, \r\n and \r in turn. */
export function mixedLineEndings(text: string): string {
  // '\r' is always followed by a line's text or by '\r\n', never by '\n' (that would read as one CRLF).
  const eols = ['\r', '\r\n', '\n'];
  return text
    .split(/\r\n|\r|\n/)
    .map((l, i, all) => (i === all.length - 1 ? l : l + eols[i % 3]))
    .join('');
}
