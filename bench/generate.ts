/**
 * Deterministic bench inputs: letters composed from the templates in ./templates.ts with
 * a seeded PRNG, then roughened with PDF-to-text artifacts (./artifacts.ts). The same seed
 * gives the same bytes on every run, so numbers from different runs compare.
 */
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32, type Rng } from './prng';
import * as T from './templates';
import { roughen, type ArtifactOptions } from './artifacts';

const WIDTH = 94;

/** Greedy word wrap at `width` columns; sometimes splits a hyphenated word at its hyphen as PDF extraction does. */
export function wrap(text: string, rng: Rng, width = WIDTH): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length <= width || line === '') {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    const hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length - 1 && line.length + hyphen + 2 <= width && rng.chance(0.5)) {
      out.push(`${line} ${word.slice(0, hyphen + 1)}`);
      line = word.slice(hyphen + 1);
      continue;
    }
    out.push(line);
    line = word;
  }
  if (line) out.push(line);
  return out;
}

function sentences(rng: Rng, pool: readonly string[], lo: number, hi: number): string {
  const n = rng.int(lo, hi);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rng.pick(pool));
  return parts.join(' ');
}

function date(rng: Rng, yearLo = 2008, yearHi = 2017): string {
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  const y = rng.int(yearLo, yearHi);
  return rng.chance(0.8) ? `${m}/${d}/${y}` : `${Number(m)}-${Number(d)}-${String(y).slice(2)}`;
}

function caseNumber(rng: Rng): string {
  return `CM${rng.int(14, 17)}-${String(rng.int(0, 9999999)).padStart(7, '0')}`;
}

/** The header table before the first section, in one of the shapes PDF tools produce (or none). */
function header(rng: Rng): string[] {
  const f = {
    caseNo: caseNumber(rng),
    assigned: date(rng, 2014, 2017),
    injury: date(rng),
    decision: date(rng, 2014, 2017),
    ur: date(rng, 2014, 2017),
    received: date(rng, 2014, 2017),
    priority: rng.chance(0.85) ? 'Standard' : 'Expedited',
  };
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length));
  switch (rng.int(0, 3)) {
    case 0:
      return [];
    case 1: // label/value pairs, one per line
      return [
        `${pad('Case Number:', 22)}${f.caseNo}`,
        `${pad('Date Assigned:', 22)}${f.assigned}`,
        `${pad('Date of Injury:', 22)}${f.injury}`,
        `${pad('Decision Date:', 22)}${f.decision}`,
        `${pad('UR Denial Date:', 22)}${f.ur}`,
        `${pad('Priority:', 22)}${f.priority}`,
        `${pad('Application Received:', 22)}${f.received}`,
        '',
      ];
    case 2: // two columns interleaved, a label split over two lines
      return [
        `${pad('Case Number:', 22)}${f.caseNo}`,
        `${pad('Date Assigned:', 22)}${pad(f.assigned, 32)}${pad('Date of Injury:', 21)}${f.injury}`,
        `${pad('Decision Date:', 22)}${pad(f.decision, 32)}${pad('UR Denial Date:', 21)}${f.ur}`,
        `${pad('Priority:', 22)}${pad(f.priority, 32)}${pad('Application', 21)}${f.received}`,
        `${' '.repeat(54)}Received:`,
        '',
      ];
    default: // labels first, values later
      return ['Case Number:', 'Date Assigned:', 'Decision Date:', 'Priority:', '', f.caseNo, f.assigned, f.decision, f.priority, ''];
  }
}

function credentials(rng: Rng): string[] {
  if (rng.chance(0.6)) {
    return [
      'The Expert Reviewer has the following credentials:',
      `State(s) of Licensure: ${rng.pick(T.LICENSURE)}`,
      `Certification(s)/Specialty: ${rng.pick(T.SPECIALTIES)}`,
    ];
  }
  return wrap(`The expert reviewer is Board Certified in ${rng.pick(T.SPECIALTIES)} and is licensed to practice in ${rng.pick(T.LICENSURE)}.`, rng);
}

interface Item {
  title: string;
  outcome: 'Upheld' | 'Overturned';
  section: string;
  /** Lines of the heading (partial authorizations and long titles wrap). */
  heading: string[];
}

function item(rng: Rng): Item {
  const outcome = rng.chance(0.75) ? 'Upheld' : 'Overturned';
  let title: string;
  let section: string;
  if (rng.chance(0.6)) {
    const drug = rng.pick(T.DRUGS);
    title = `${rng.chance(0.8) ? drug.brand : drug.generic} ${rng.pick(drug.doses)}`;
    section = drug.section;
  } else {
    const s = rng.pick(T.SERVICES);
    title = s.text;
    section = s.section;
  }
  let heading: string[];
  const shape = rng.next();
  if (shape < 0.1) {
    // Partial authorization: the heading is three sentences wrapping over lines.
    const drug = rng.pick(T.DRUGS);
    const total = rng.int(60, 120);
    const allowed = rng.int(10, total - 10);
    const name = `${drug.brand} ${rng.pick(['10mg', '7.5mg', '350mg', '50 mg'])}`;
    title = `${name} #${total - allowed}`;
    section = drug.section;
    heading = wrap(
      `${name} #${total} was the original request. ${name} #${allowed} was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, ${title} is: ${outcome}`,
      rng,
    );
  } else if (shape < 0.2) {
    heading = [`${title}:`, outcome]; // the outcome alone on the next line
  } else {
    heading = [`${title}:${rng.chance(0.3) ? '  ' : ' '}${outcome}`];
  }
  return { title, outcome, section, heading };
}

function guidelineLine(rng: Rng, who: string, section: string): string[] {
  if (who === 'Claims Administrator' && rng.chance(0.1)) return ['Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.'];
  let text = `${who} guideline: Decision based on ${rng.pick(T.MTUS_SOURCES)}, Section(s): ${section}`;
  if (rng.chance(0.4)) text += `, Page(s): ${rng.int(20, 120)}${rng.chance(0.5) ? `-${rng.int(121, 130)}` : ''}`;
  text += '.';
  if (rng.chance(0.6)) text += ` Decision based on ${rng.pick(T.OTHER_SOURCES)}, ${section}.`;
  return wrap(text, rng);
}

function rationale(rng: Rng, it: Item): string[] {
  const parts: string[] = ['Decision rationale:'];
  const quotes = rng.int(1, 3);
  for (let q = 0; q < quotes; q++) {
    parts.push(`The guidelines state "${rng.pick(T.QUOTES)}"`);
    parts.push(sentences(rng, it.outcome === 'Upheld' ? T.REASONS_UPHELD : T.REASONS_OVERTURNED, 1, 3));
  }
  const conclusion = rng.pick(it.outcome === 'Upheld' ? T.CONCLUSIONS_UPHELD : T.CONCLUSIONS_OVERTURNED);
  parts.push(conclusion.replace('{item}', it.title));
  return wrap(parts.join(' '), rng);
}

function caseSummary(rng: Rng): string[] {
  const age = rng.int(24, 68);
  const sex = rng.pick(['male', 'female']);
  const paragraphs: string[] = [];
  paragraphs.push(
    `The injured worker is a ${age}${rng.chance(0.5) ? '-year-old' : ' year old'} ${sex}, who sustained an industrial injury on ${date(rng)}. ` +
      `The injured worker was diagnosed as having ${rng.pick(T.DIAGNOSES)} and ${rng.pick(T.DIAGNOSES)}. ` +
      `Treatment to date has included ${rng.pick(T.PRIOR_TREATMENT)}, ${rng.pick(T.PRIOR_TREATMENT)} and medications.`,
  );
  const visits = rng.int(2, 6);
  for (let v = 0; v < visits; v++) {
    paragraphs.push(
      `On ${date(rng, 2013, 2016)}, the injured worker reported pain in the ${rng.pick(T.BODY_PARTS)} rated ${rng.int(3, 9)} out of 10. ` +
        `Objective findings revealed ${rng.pick(T.FINDINGS)} and ${rng.pick(T.FINDINGS)}. ` +
        `The provider continued ${rng.pick(T.DRUGS).brand} and requested ${rng.pick(T.SERVICES).text.toLowerCase()}.`,
    );
  }
  paragraphs.push(`The Utilization Review dated ${date(rng, 2014, 2017)} non-certified the request for ${rng.pick(T.DRUGS).brand} and modified the request for ${rng.pick(T.SERVICES).text.toLowerCase()}.`);
  const out: string[] = ['The expert reviewer developed the following clinical case summary based on a review of the', 'case file, including all medical records:', ''];
  for (const p of paragraphs) out.push(...wrap(p, rng), '');
  return out;
}

/** One letter, clean layout, LF line endings. */
export function composeLetter(rng: Rng): string {
  const lines: string[] = [];
  const documentsLayout = rng.chance(0.15);
  lines.push(...header(rng));
  lines.push('HOW THE IMR FINAL DETERMINATION WAS MADE');
  lines.push(...wrap(T.INDEPENDENCE.join(' '), rng), '');
  lines.push(...credentials(rng), '');
  if (documentsLayout) {
    lines.push('DOCUMENTS REVIEWED', '');
    const n = rng.int(3, 8);
    for (let i = 0; i < n; i++) lines.push(`${rng.pick(['Progress report', 'Utilization review determination', 'Application for IMR', 'Imaging report', 'Pharmacy records'])} dated ${date(rng, 2013, 2016)}`);
    lines.push('');
  }
  lines.push('CLINICAL CASE SUMMARY');
  lines.push(...caseSummary(rng));
  lines.push(documentsLayout ? 'IMR DECISION(S) AND RATIONALE(S)' : 'IMR ISSUES, DECISIONS AND RATIONALES');
  lines.push('The Final Determination was based on decisions for the disputed items/services set forth below:', '');
  const count = rng.chance(0.1) ? rng.int(6, 20) : rng.int(1, 5);
  for (let i = 0; i < count; i++) {
    const it = item(rng);
    lines.push(...it.heading, '');
    lines.push(...guidelineLine(rng, 'Claims Administrator', it.section), '');
    // A few defects so the rules have something to report: a missing guideline line, or a
    // conclusion that contradicts the outcome.
    if (!rng.chance(0.03)) lines.push(...guidelineLine(rng, 'MAXIMUS', it.section), '');
    const concluded = rng.chance(0.04) ? { ...it, outcome: it.outcome === 'Upheld' ? ('Overturned' as const) : ('Upheld' as const) } : it;
    lines.push(...rationale(rng, concluded), '');
  }
  return lines.join('\n') + '\n';
}

/** A letter with artifacts drawn at random (see artifacts.ts for what each one does). */
export function composeRoughLetter(rng: Rng, options: ArtifactOptions = {}): string {
  return roughen(composeLetter(rng), rng, options);
}

/**
 * About `bytes` of letter text. `varied`: different letters concatenated (a bulk export);
 * `repeat`: one letter repeated. Byte counts are UTF-8 bytes.
 */
export function composeCorpus(seed: number, bytes: number, mode: 'varied' | 'repeat'): string {
  const rng = mulberry32(seed);
  const parts: string[] = [];
  let size = 0;
  const one = mode === 'repeat' ? composeRoughLetter(rng, { bom: false }) : '';
  while (size < bytes) {
    const letter = mode === 'repeat' ? one : composeRoughLetter(rng, { bom: false });
    parts.push(letter);
    size += Buffer.byteLength(letter);
  }
  return parts.join('');
}

/**
 * Writes `count` letters, one per file, into `dir` (letters/00/letter-00001.txt ...).
 * Reuses an existing folder made with the same seed and count (a marker file says so).
 * Returns the total bytes written.
 */
export function writeWorkspace(dir: string, count: number, seed: number): number {
  const marker = join(dir, '.bench-workspace.json');
  const want = { count, seed, version: 2 }; // bump when generation changes
  if (existsSync(marker)) {
    const have = JSON.parse(readFileSync(marker, 'utf8')) as typeof want & { bytes: number };
    if (have.count === count && have.seed === seed && have.version === want.version) return have.bytes;
  }
  const rng = mulberry32(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const text = composeRoughLetter(rng);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(sub, `letter-${String(i + 1).padStart(5, '0')}.txt`), text);
  }
  writeFileSync(marker, JSON.stringify({ ...want, bytes }));
  return bytes;
}
