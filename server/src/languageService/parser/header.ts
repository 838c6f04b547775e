/**
 * Reads the header table (case number, dates, priority) that real letters carry before
 * their first section, whichever way the PDF-to-text tool laid it out.
 */
import type { DateField, Field, HeaderFields } from '../model';
import type { Line } from '../text/lines';
import { inLine } from '../text/lines';
import { toIsoDate } from './dates';

export function isHeaderStart(clean: string): boolean {
  return /^Case Number\s*:/i.test(clean) || /^MAXIMUS FEDERAL SERVICES\b/i.test(clean);
}

type DateKey = 'dateAssigned' | 'decisionDate' | 'dateOfInjury' | 'urDenialDate' | 'applicationReceived' | 'noticeDate';

const DATE_LABELS: Array<[RegExp, DateKey]> = [
  [/Date Assigned\s*:?/iy, 'dateAssigned'],
  [/Decision Date\s*:?/iy, 'decisionDate'],
  [/Date of Injury\s*:?/iy, 'dateOfInjury'],
  [/UR Denial Date\s*:?/iy, 'urDenialDate'],
  [/Application(?:\s+Received)?\s*:?/iy, 'applicationReceived'],
  [/Dated\s*:/iy, 'noticeDate'],
];
const DATE_VALUE = /\s*(\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]+\.? \d{1,2},? \d{4})/y;
const CASE_NUMBER = /Case Number\s*:?\s*((?:CM|IMR\s?)\d{2}-\d{4,7})/iy;
const PRIORITY = /Priority\s*:?\s*(Standard|Expedited)\b/iy;

/** Reads header fields from the first lines of a letter (up to the first long paragraph). */
export function readHeader(lines: readonly Line[]): HeaderFields {
  const header: HeaderFields = {};
  const limit = Math.min(lines.length, 60);
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (line.clean === '') continue;
    const raw = line.raw;
    for (let at = line.start; at < line.end; at++) {
      const c = raw.charCodeAt(at);
      // Labels start at a capital letter after a space or line start.
      if (c < 65 || c > 90 || (at > 0 && raw.charCodeAt(at - 1) > 32)) continue;
      CASE_NUMBER.lastIndex = at;
      let m = CASE_NUMBER.exec(raw);
      if (m && !header.caseNumber) {
        const s = at + m[0].length - m[1].length;
        header.caseNumber = { value: m[1].replace(/\s+/g, ' ').toUpperCase(), text: m[1], range: inLine(line, s, s + m[1].length) };
        continue;
      }
      PRIORITY.lastIndex = at;
      m = PRIORITY.exec(raw);
      if (m && !header.priority) {
        const s = at + m[0].length - m[1].length;
        const value = m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
        header.priority = { value, text: m[1], range: inLine(line, s, s + m[1].length) } as Field<string>;
        continue;
      }
      for (const [re, key] of DATE_LABELS) {
        re.lastIndex = at;
        const label = re.exec(raw);
        if (!label || header[key]) continue;
        DATE_VALUE.lastIndex = at + label[0].length;
        const value = DATE_VALUE.exec(raw);
        if (!value) continue;
        const s = at + label[0].length + value[0].length - value[1].length;
        header[key] = dateField(value[1], line, s);
        break;
      }
    }
  }
  return header;
}

export function dateField(text: string, line: Line, from: number): DateField {
  return { value: toIsoDate(text), text, range: inLine(line, from, from + text.length) };
}
