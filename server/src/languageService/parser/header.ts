/**
 * Reads the header table (case number, dates, priority) that real letters carry before
 * their first section, whichever way the PDF-to-text tool laid it out: label and value on
 * one line, two columns interleaved, labels split over lines (`Application` / `Received:`),
 * or all labels first and the values later. Ranges always point at the value.
 */
import type { DateField, Field, HeaderFields } from '../model';
import type { Line } from '../text/lines';
import { inLine, isBlank, isPlain, rawLength, rawOf } from '../text/lines';
import { toIsoDate } from './dates';

const RE_LINE = /^RE\s*:\s*(?:IMR\b|Independent Medical Review\b)/i;
const CASE_LABEL = /^(?:IMR )?Case (?:Number|No\.?)\s*:/i;
const MAXIMUS_LINE = /^MAXIMUS FEDERAL SERVICES,? INC\.?$/;
const DATE_ASSIGNED = /^Date Assigned\s*:/i;

/** A line that opens a header block (a new letter's header in a bulk export). `first`: its first character's code. */
export function isHeaderStart(clean: string, first = clean.charCodeAt(0)): boolean {
  // The first two characters tell which of the patterns could match: test that one only
  // (most prose lines starting with one of these capitals fail on the second letter).
  switch (first) {
    case 82: // R: the subject line of a cover letter mailed with the determination
      return secondIs(clean, 101) && RE_LINE.test(clean);
    case 67: // C, c: the case number
    case 99:
      return secondIs(clean, 97) && CASE_LABEL.test(clean);
    case 73: // I: the case number after "IMR "
      return secondIs(clean, 109) && CASE_LABEL.test(clean);
    case 77: // M
      return clean.charCodeAt(1) === 65 && MAXIMUS_LINE.test(clean);
    case 68: // D
      return secondIs(clean, 97) && DATE_ASSIGNED.test(clean);
    default:
      return false;
  }
}

/** True when the second character of `s` is the ASCII letter `lower` in either case. */
function secondIs(s: string, lower: number): boolean {
  return (s.charCodeAt(1) | 32) === lower;
}

type Key = 'caseNumber' | 'priority' | 'dateAssigned' | 'decisionDate' | 'dateOfInjury' | 'urDenialDate' | 'applicationReceived' | 'noticeDate';

const LABELS: Array<[RegExp, Key]> = [
  [/(?:IMR )?Case (?:Number|No\.?)\s*:?/iy, 'caseNumber'],
  [/Priority\s*:?/iy, 'priority'],
  [/Date Assigned\s*:?/iy, 'dateAssigned'],
  [/Decision Date\s*:?/iy, 'decisionDate'],
  [/Date of Injury\s*:?/iy, 'dateOfInjury'],
  [/UR (?:Denial|Decision|Determination) Date\s*:?/iy, 'urDenialDate'],
  [/Date of UR (?:Decision|Denial|Determination)\s*:?/iy, 'urDenialDate'],
  [/Application(?:\s+(?:Received|Rec'd|Recd\.?))?\s*:?/iy, 'applicationReceived'],
  [/Received\s*:/iy, 'applicationReceived'],
  [/Dated\s*:/iy, 'noticeDate'],
];
/** Labels by their first letter (lower case), so most words are rejected without a regex. */
const LABELS_BY_LETTER = new Map<number, Array<[RegExp, Key]>>();
for (const entry of LABELS) {
  const c = entry[0].source.charCodeAt(entry[0].source.startsWith('(?:IMR )?') ? 9 : 0) | 32;
  for (const k of entry[0].source.startsWith('(?:IMR )?') ? [c, 105] : [c]) {
    const list = LABELS_BY_LETTER.get(k) ?? [];
    list.push(entry);
    LABELS_BY_LETTER.set(k, list);
  }
}
const DATE = '\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}|[A-Z][a-z]{2,8}\\.? \\d{1,2},? \\d{4}';
const CASE = '(?:CM|IMR ?)\\d{2}-\\d{4,7}';
const PRIORITY = 'Standard|Expedited';
const VALUE: Record<'date' | 'case' | 'priority', RegExp> = {
  date: new RegExp(`[ \\t]*(${DATE})`, 'y'),
  case: new RegExp(`[ \\t]*(${CASE})`, 'iy'),
  priority: new RegExp(`[ \\t]*(${PRIORITY})\\b`, 'iy'),
};
const ANY_VALUE = new RegExp(`(${CASE})|(${PRIORITY})\\b|(${DATE})`, 'gi');

const typeOf = (key: Key): 'date' | 'case' | 'priority' => (key === 'caseNumber' ? 'case' : key === 'priority' ? 'priority' : 'date');

/** Reads header fields from lines `from`..`to` (inclusive). */
export function readHeader(lines: readonly Line[], from = 0, to = Math.min(lines.length - 1, 60)): HeaderFields {
  const header: HeaderFields = {};
  const pending: Key[] = [];
  for (let i = from; i <= to && i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line) || rawLength(line) > 400) continue;
    // Read the clean text of a plain line (the same characters as the raw one, shifted by
    // `base`) rather than building its raw form.
    const raw = isPlain(line) ? line.clean : rawOf(line);
    const base = isPlain(line) ? line.start : 0;
    const used: Array<[number, number]> = [];
    const first = line.start - base;
    for (let at = first; at < line.end - base; at++) {
      const c = raw.charCodeAt(at);
      // Labels start at a letter after a space or at the line start.
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) || (at > first && raw.charCodeAt(at - 1) > 32 && raw.charCodeAt(at - 1) !== 0xa0)) continue;
      const candidates = LABELS_BY_LETTER.get(c | 32);
      if (!candidates) continue;
      for (const [re, key] of candidates) {
        re.lastIndex = at;
        const label = re.exec(raw);
        if (!label) continue;
        const valueRe = VALUE[typeOf(key)];
        valueRe.lastIndex = at + label[0].length;
        const value = valueRe.exec(raw);
        if (value) {
          const s = valueRe.lastIndex - value[1].length;
          if (!header[key]) set(header, key, value[1], line, base + s);
          used.push([at, valueRe.lastIndex]);
          at = valueRe.lastIndex - 1;
        } else {
          used.push([at, at + label[0].length]);
          if (!header[key] && !pending.includes(key) && label[0].trimEnd().endsWith(':')) pending.push(key);
          at += label[0].length - 1;
        }
        break;
      }
    }
    if (pending.length === 0) continue;
    // Values standing alone (labels came first): give each to the first waiting label of its type.
    ANY_VALUE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ANY_VALUE.exec(raw))) {
      const s = m.index;
      if (used.some(([a, b]) => s >= a && s < b)) continue;
      const type = m[1] ? 'case' : m[2] ? 'priority' : 'date';
      const k = pending.findIndex((p) => typeOf(p) === type);
      if (k < 0) continue;
      const key = pending.splice(k, 1)[0];
      if (!header[key]) set(header, key, m[0], line, base + s);
    }
  }
  return header;
}

function set(header: HeaderFields, key: Key, text: string, line: Line, from: number): void {
  const range = inLine(line, from, from + text.length);
  if (key === 'caseNumber') header.caseNumber = { value: text.replace(/\s+/g, ' ').toUpperCase(), text, range };
  else if (key === 'priority') header.priority = { value: text[0].toUpperCase() + text.slice(1).toLowerCase(), text, range } as Field<string>;
  else header[key] = dateField(text, line, from);
}

export function dateField(text: string, line: Line, from: number): DateField {
  return { value: toIsoDate(text), text, range: inLine(line, from, from + text.length) };
}
