/** Reads the reviewer's credentials and the patient's age, sex and date of injury. */
import type { Patient, Reviewer } from '../model';
import type { Line } from '../text/lines';
import { spanRange } from '../text/lines';
import { JoinedText } from '../text/joined';
import { toIsoDate } from './dates';

function splitList(s: string): string[] {
  return s
    .split(/,|;|\band\b/)
    .map((x) => x.replace(/\s+/g, ' ').trim())
    .filter((x) => x.length > 0);
}

export function readReviewer(lines: readonly Line[]): Reviewer {
  const reviewer: Reviewer = { licensure: [], specialties: [] };
  const limit = Math.min(lines.length, 200);
  for (let i = 0; i < limit; i++) {
    const clean = lines[i].clean;
    const lic = /^State\(s\) of Licensure\s*:\s*(.*)$/i.exec(clean);
    if (lic) {
      reviewer.licensure = splitList(lic[1]);
      reviewer.range = spanRange(lines[i], lines[i]);
      continue;
    }
    const spec = /^Certification\(s\)\/Specialty\s*:\s*(.*)$/i.exec(clean);
    if (spec) {
      // The list may wrap onto the next non-blank line when that line is not a heading or sentence.
      let text = spec[1];
      let last = i;
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const next = lines[j].clean;
        if (next === '') continue;
        if (text.endsWith('&') || text.endsWith(',') || (/^[A-Z][a-z]/.test(next) && next.length < 60 && !/[.:]$/.test(next))) {
          text += ' ' + next;
          last = j;
        }
        break;
      }
      reviewer.specialties = splitList(text.replace(/&\s*$/, '&'));
      reviewer.range = reviewer.range ? { start: reviewer.range.start, end: spanRange(lines[last], lines[last]).end } : spanRange(lines[i], lines[last]);
    }
  }
  return reviewer;
}

export function readPatient(lines: readonly Line[]): Patient {
  const joined = new JoinedText(lines.slice(0, 80));
  const text = joined.text;
  const patient: Patient = {};
  const age = /\b(\d{1,3})[- ]year[- ]old\s+(male|female|man|woman)\b/i.exec(text);
  if (age) {
    patient.age = +age[1];
    patient.sex = /^(male|man)$/i.test(age[2]) ? 'male' : 'female';
  }
  const doi = /\b(?:injury|injured)\s+(?:on|of)\s+(\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]+\.? \d{1,2},? \d{4})/.exec(text);
  if (doi) {
    const from = doi.index + doi[0].length - doi[1].length;
    patient.dateOfInjury = { value: toIsoDate(doi[1]), text: doi[1], range: joined.rangeOf(from, from + doi[1].length) };
  }
  return patient;
}
