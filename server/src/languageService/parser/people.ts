/** Reads the reviewer's credentials and the patient's age, sex and date of injury. */
import type { Patient, Reviewer, Section } from '../model';
import type { Line } from '../text/lines';
import { spanRange, isPageFurniture, isBlank } from '../text/lines';
import { JoinedText, singleSpaced } from '../text/joined';
import { toIsoDate } from './dates';

const LIST_SEPARATOR = /,|;/;
const LIST_SEPARATOR_OR_AND = /,|;|\band\b/;

function splitList(s: string, splitOnAnd: boolean): string[] {
  const out: string[] = [];
  for (const part of s.split(splitOnAnd ? LIST_SEPARATOR_OR_AND : LIST_SEPARATOR)) {
    // Spaces made single, one final stop dropped, then trimmed (replaces only when needed).
    const spaced = singleSpaced(part);
    const x = (spaced.endsWith('.') ? spaced.slice(0, -1) : spaced).trim();
    if (x.length > 0) out.push(x);
  }
  return out;
}

const LICENSURE = /^State\(?s?\)? of Licensure\s*:\s*(.*)$/i;
const SPECIALTY = /^Certifications?\(?s?\)?\s*\/\s*Specialt(?:y|ies)\s*:\s*(.*)$/i;
/** "is Board Certified in Occupational Medicine and is licensed to practice in California" */
const BOARD = /\bBoard[- ]Certified (?:in )?(.+?)(?:,? (?:and )?(?:is |has )|,? with |,? (?:and )?licensed\b|\.|$)/i;
/** "Board Certified in Anesthesiology with a subspecialty in Pain Medicine": the subspecialty is a specialty too. */
const SUBSPECIALTY = /\bsub-?specialty (?:certification |certificate )?in (.+?)(?:,? (?:and )?(?:is |has )|\.|;|$)/i;
/** "... is licensed in California and Texas and is Board Certified in ...": the list stops at "and is". */
const LICENSED = /\blicensed (?:to practice )?in (?:the State of |the states of )?(.+?)(?:,? (?:and )?(?:is |has )|\.|;|$)/i;

/** Credentials in the credentials block, else in the prose of the how-made or qualifications section. */
export function readReviewer(lines: readonly Line[], from = 0, to = lines.length - 1, sections: Section[] = []): Reviewer {
  const reviewer: Reviewer = { licensure: [], specialties: [] };
  // The credentials block sits in the how-made section (or near the top when headings are missing).
  const howMade = sections.find((s) => s.kind === 'howMade');
  const limit = Math.min(to, howMade ? howMade.range.end.line : from + 200);
  for (let i = from; i <= limit; i++) {
    const clean = lines[i].clean;
    if (clean.length < 10 || clean.length > 400) continue;
    const c0 = lines[i].first | 32;
    if (c0 !== 115 && c0 !== 99) continue; // State(s) of Licensure / Certification(s)
    const lic = LICENSURE.exec(clean);
    if (lic) {
      reviewer.licensure = splitList(lic[1], true);
      reviewer.range = reviewer.range ? { start: reviewer.range.start, end: spanRange(lines[i], lines[i]).end } : spanRange(lines[i], lines[i]);
      continue;
    }
    const spec = SPECIALTY.exec(clean);
    if (spec) {
      // The list may wrap onto the next non-blank line when that line is not a heading or sentence.
      let text = spec[1];
      let last = i;
      for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
        const next = lines[j].clean;
        if (next === '') continue;
        if (text.endsWith('&') || text.endsWith(',') || (/^[A-Z][a-z]/.test(next) && next.length < 60 && !/[.:]$/.test(next) && !/^State/i.test(next))) {
          text += ' ' + next;
          last = j;
        }
        break;
      }
      reviewer.specialties = splitList(text, false);
      reviewer.range = reviewer.range ? { start: reviewer.range.start, end: spanRange(lines[last], lines[last]).end } : spanRange(lines[i], lines[last]);
    }
  }
  if (reviewer.licensure.length > 0 || reviewer.specialties.length > 0) return reviewer;

  // Prose credentials: how-made boilerplate, or a qualifications section.
  for (const section of sections) {
    if (section.kind !== 'howMade' && section.kind !== 'qualifications') continue;
    const last = Math.min(section.range.end.line, section.range.start.line + 40);
    const joined = new JoinedText(lines, undefined, section.range.start.line, last + 1);
    const text = joined.text;
    const board = BOARD.exec(text);
    const lic = LICENSED.exec(text);
    if (!board && !lic) continue;
    const sub = board ? subspecialtyNear(text, board.index) : null;
    if (board) reviewer.specialties = splitList(board[1], false);
    if (sub) for (const s of splitList(sub[1], false)) if (!reviewer.specialties.includes(s)) reviewer.specialties.push(s);
    if (lic) reviewer.licensure = splitList(lic[1], true);
    const found = [board, lic, sub].filter((m): m is RegExpExecArray => m !== null);
    const a = Math.min(...found.map((m) => m.index));
    const b = Math.max(...found.map((m) => m.index + m[0].length));
    reviewer.range = joined.rangeOf(a, b);
    break;
  }
  return reviewer;
}

/** The subspecialty named in the same sentence as the board certification (within 300 characters), with its index in `text`. */
function subspecialtyNear(text: string, at: number): RegExpExecArray | null {
  const m = SUBSPECIALTY.exec(text.slice(at, at + 300));
  if (m) m.index += at;
  return m;
}

const AGE = /\b(\d{1,3})[- ]?(?:(?:years?|yr\.?)[- ]old|y\/o|y\.o\.|yo),?\s+(?:(?:right|left)[- ]handed\s+|injured\s+|[A-Za-z]+\s+)?(male|female|man|woman|gentleman|lady)\b/i;
/** "injury on", "injured his neck and right shoulder on", "was hurt on", "after a fall on", "date of injury:" ... then the date. */
const DOI =
  /\b(?:injur(?:y|ies|ed)\s+(?:on|of|dated)|(?:injured|hurt|twisted|strained) (?:his|her|their) [a-z]+(?: [a-z]+){0,4} on|(?:was|were) (?:hurt|injured)(?: at work)? on|(?:hurt|injured) at work on|(?:a|the) (?:fall|slip and fall|trip and fall|collision|accident|motor vehicle accident) on|date of injury(?: of| was| is)?:?|DOI:?)\s+(\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})/i;

/** Reads the patient from the case summary: lines `from`..`to`, starting at `fromChar` on the first. */
export function readPatient(lines: readonly Line[], from = 0, to = lines.length - 1, fromChar?: number): Patient {
  const body: Line[] = [];
  for (let i = from; i <= to && body.length < 40; i++) if (!isBlank(lines[i]) && lines[i].clean.length < 5000 && !isPageFurniture(lines[i].clean, lines[i].first)) body.push(lines[i]);
  const joined = new JoinedText(body, fromChar);
  const text = joined.text;
  const patient: Patient = {};
  const age = AGE.exec(text);
  if (age) {
    patient.age = +age[1];
    patient.sex = /^(male|man|gentleman)$/i.test(age[2]) ? 'male' : 'female';
  }
  const doi = DOI.exec(text);
  if (doi) {
    const at = doi.index + doi[0].length - doi[1].length;
    patient.dateOfInjury = { value: toIsoDate(doi[1]), text: doi[1], range: joined.rangeOf(at, at + doi[1].length) };
  }
  return patient;
}
