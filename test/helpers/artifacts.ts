/**
 * Renderers that reproduce PDF-to-text extraction artifacts (letter-formats.md) on a clean
 * letter. Each is a pure, deterministic function string -> string, so tests, the fuzz
 * suite and the benchmark can apply them alone or composed.
 */

/** Lines of a text, whatever its line endings. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const ITEM_HEADING = /^(\s*)(.*\S)\s*:\s*(Upheld|Overturned)\s*$/;
const SECTION_HEADING = /^\s*[A-Z][A-Z ,()'/]{10,}[A-Z):]\s*$/;

/** A blank line after every line (as pdftotext's layout mode often gives). */
export function doubleSpace(text: string): string {
  return linesOf(text).map((l) => l + '\n').join('\n');
}

/** One or more trailing spaces on every non-empty line. */
export function trailingSpaces(text: string): string {
  return linesOf(text)
    .map((l, i) => (l === '' ? l : l + ' '.repeat(1 + (i % 3))))
    .join('\n');
}

/** Windows line endings. */
export function crlf(text: string): string {
  return linesOf(text).join('\r\n');
}

/** A form feed opening every `every`-th line (a page break as pdftotext writes it). */
export function formFeeds(text: string, every = 9): string {
  return linesOf(text)
    .map((l, i) => (i > 0 && i % every === 0 ? '\f' + l : l))
    .join('\n');
}

/**
 * Page-break gaps: a run of blank lines (with a stray form feed) after every `every`-th
 * line, and always right after each item heading, so headings and their guideline lines
 * are split by a page break.
 */
export function pageGaps(text: string, every = 11): string {
  const out: string[] = [];
  linesOf(text).forEach((l, i) => {
    out.push(l);
    if ((i > 0 && i % every === 0) || ITEM_HEADING.test(l)) out.push('', '', '\f', '', '');
  });
  return out.join('\n');
}

/**
 * Page furniture: a page header and footer (`Page 2 of 6`, `Final Determination Letter for
 * IMR Case Number ...`) every `every` lines after the first page, as pdftotext keeps them.
 * Never right after an upper-case line, so a wrapped section heading stays together.
 */
export function pageFurniture(text: string, every = 12): string {
  const out: string[] = [];
  let page = 1;
  linesOf(text).forEach((l, i) => {
    out.push(l);
    if (i >= 20 && i % every === 0 && !/^[^a-z]*[A-Z][^a-z]*$/.test(l)) {
      page++;
      out.push('', `Page ${page} of 99`, '\fFinal Determination Letter for IMR Case Number CM00-0000000', '');
    }
  });
  return out.join('\n');
}

/** Wraps every item heading whose title has two or more words over two lines. */
export function wrapItemHeadings(text: string): string {
  return linesOf(text)
    .map((l) => {
      const m = ITEM_HEADING.exec(l);
      if (!m) return l;
      const words = m[2].split(/\s+/);
      if (words.length < 2) return l;
      const half = Math.ceil(words.length / 2);
      return `${m[1]}${words.slice(0, half).join(' ')}\n${words.slice(half).join(' ')}: ${m[3]}`;
    })
    .join('\n');
}

/** Moves each item's outcome alone onto the next line: `Soma #60:` / `Upheld`. */
export function outcomeOnOwnLine(text: string): string {
  return linesOf(text)
    .map((l) => {
      const m = ITEM_HEADING.exec(l);
      return m ? `${m[1]}${m[2]}:\n${m[3]}` : l;
    })
    .join('\n');
}

/**
 * Splits lines at a hyphen between letters (`Non-` / `MTUS Citation`), the way PDF text
 * breaks at a hyphen that was at the end of a printed line. Codes such as case numbers
 * (`CM16-0213037`) sit in table cells and do not wrap, so digit hyphens are left alone.
 */
export function hyphenateLineEnds(text: string): string {
  return linesOf(text)
    .map((l) => {
      if (SECTION_HEADING.test(l)) return l;
      const m = /[A-Za-z]-(?=[A-Za-z])/.exec(l.slice(8));
      if (!m) return l;
      const cut = 8 + m.index + 2;
      return l.slice(0, cut) + '\n' + l.slice(cut);
    })
    .join('\n');
}

/** Words a concluding sentence states its finding with, split where a justified PDF might break them. */
const FINDING_WORD_SPLITS: Array<[RegExp, number]> = [
  [/\bmedically\b/, 4], // medi- / cally
  [/\bnecessary\b/, 5], // neces- / sary
  [/\bnecessity\b/, 5], // neces- / sity
];

/** A numbered list entry (a notice's decision list). */
const LIST_ENTRY = /^(?:\d+|[ivx]+)[.)]\s/i;

/**
 * Splits one long word of every paragraph's last sentence over two lines with a hyphen
 * (`... is not medi-` / `cally necessary.`), the way a justified PDF breaks a word that is
 * not hyphenated in the text. Only paragraphs whose last sentence states a finding (it names
 * medical necessity, certification or a recommendation) are touched, so this falls on
 * rationales' concluding sentences and a notice's numbered decisions (a double-spaced
 * letter's paragraphs are read across their blank lines). The paragraphs alternate between
 * `medically` and `necessary` (then `necessity`), and fall back to the sentence's longest
 * lower-case word of eight letters or more.
 */
export function hyphenateConclusionWords(text: string): string {
  const lines = linesOf(text);
  const blank = (l: string | undefined) => l === undefined || l.trim() === '' || l.trim() === '\f';
  let n = 0;
  return lines
    .map((l, i) => {
      const t = l.trimEnd();
      if (!blank(lines[i + 1]) || !t.endsWith('.')) return l;
      // The lines this sentence may have started on: back over lines that end mid-sentence,
      // across single blank lines too (a double-spaced letter), a few at most.
      const context = [t.trim()];
      for (let j = i - 1, k = 0; j >= 0 && k < 6; j--) {
        if (blank(lines[j])) continue;
        if (/[.!?:]$/.test(lines[j].trim())) break;
        context.unshift(lines[j].trim());
        if (LIST_ENTRY.test(context[0])) break; // a notice's numbered decision starts here
        k++;
      }
      // The paragraph's last sentence: after its last stop followed by a space and a capital.
      const paragraph = context.join(' ');
      let start = 0;
      for (const m of paragraph.matchAll(/[.!?] +(?=[A-Z"(])/g)) start = m.index + m[0].length;
      if (!/medical(?:ly)? necess|certified|recommended|supported|warranted/i.test(paragraph.slice(start))) return l;
      // The part of that sentence on this line, where the split goes.
      const lead = l.length - l.trimStart().length;
      const from = lead + Math.max(0, start - (paragraph.length - t.trim().length));
      const sentence = t.slice(from);
      const order = n++ % 2 === 0 ? FINDING_WORD_SPLITS : [...FINDING_WORD_SPLITS].reverse();
      let cut = -1;
      for (const [word, at] of order) {
        const m = word.exec(sentence);
        if (m) {
          cut = from + m.index + at;
          break;
        }
      }
      if (cut < 0) {
        let best: RegExpMatchArray | null = null;
        for (const m of sentence.matchAll(/(?<![\w-])[a-z]{8,}(?![\w-])/g)) if (!best || m[0].length > best[0].length) best = m;
        if (!best) return l;
        cut = from + best.index! + Math.floor(best[0].length / 2);
      }
      return `${l.slice(0, cut)}-\n${l.slice(cut)}`;
    })
    .join('\n');
}

/** Indents or centres section headings with spaces and pads them with trailing spaces. */
export function indentHeadings(text: string): string {
  let n = 0;
  return linesOf(text)
    .map((l) => {
      if (!SECTION_HEADING.test(l)) return l;
      const t = l.trim();
      n++;
      const pad = n % 2 === 0 ? ' '.repeat(Math.max(1, Math.floor((96 - t.length) / 2))) : ' ';
      return pad + t + '   ';
    })
    .join('\n');
}

/** A byte order mark, non-breaking spaces after colons and in some words, curly quotes. */
export function unicodeNoise(text: string): string {
  let open = true;
  const body = text
    .replace(/: /g, ':\u00a0')
    .replace(/ (\d)/g, '\u00a0$1')
    .replace(/"/g, () => {
      const q = open ? '\u201c' : '\u201d';
      open = !open;
      return q;
    })
    .replace(/'/g, '\u2019');
  return '\ufeff' + body;
}

/** Several letters in one file, separated as a bulk export does (a form feed between). */
export function concatLetters(texts: string[]): string {
  return texts.map((t) => t.replace(/\s+$/, '')).join('\n\f\n');
}

export type Renderer = (text: string) => string;

/** Every single-artifact renderer, by name. */
export const RENDERERS: Record<string, Renderer> = {
  doubleSpace,
  trailingSpaces,
  crlf,
  formFeeds: (t) => formFeeds(t),
  pageGaps: (t) => pageGaps(t),
  pageFurniture: (t) => pageFurniture(t),
  wrapItemHeadings,
  outcomeOnOwnLine,
  hyphenateLineEnds,
  hyphenateConclusionWords,
  indentHeadings,
  unicodeNoise,
};

/** Renderer combinations worth testing together (applied left to right). */
export const COMBINATIONS: Record<string, Renderer[]> = {
  'wrap+outcomeLine+doubleSpace': [wrapItemHeadings, outcomeOnOwnLine, doubleSpace],
  'hyphen+indent+crlf': [hyphenateLineEnds, indentHeadings, crlf],
  'pageGaps+formFeeds+trailing': [pageGaps, (t) => formFeeds(t, 7), trailingSpaces],
  'unicode+wrap+crlf': [unicodeNoise, wrapItemHeadings, crlf],
  everything: [wrapItemHeadings, hyphenateLineEnds, indentHeadings, pageGaps, (t) => formFeeds(t, 13), trailingSpaces, doubleSpace, unicodeNoise, crlf],
};

export function applyAll(text: string, renderers: Renderer[]): string {
  return renderers.reduce((t, r) => r(t), text);
}
