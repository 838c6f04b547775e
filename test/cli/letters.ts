/**
 * Letters written for the CLI tests from the facts in letter-formats.md (reference layout,
 * header table, guideline lines, rationale conclusions). Text of our own; no seed text.
 */

export interface TestItem {
  title: string;
  outcome: 'Upheld' | 'Overturned';
}

export interface LetterOptions {
  caseNumber?: string;
  items: TestItem[];
  /** Leave out CLINICAL CASE SUMMARY (a `missing-section` error). */
  withoutSummary?: boolean;
  /** Extra words in the case summary (e.g. non-ASCII text). */
  summaryNote?: string;
}

const DRUGS = ['Tramadol 50mg #60', 'Naproxen 550mg #90', 'Gabapentin 300mg #90', 'Omeprazole 20mg #30', 'Lidocaine patch 5% #30', 'Tizanidine 4mg #60'];
const SERVICES = ['Physical therapy 2x4 for the lumbar spine', 'MRI of the right knee', 'Acupuncture x 6 sessions', 'Functional capacity evaluation'];

export function writeLetter(o: LetterOptions): string {
  const out: string[] = [];
  out.push(`Case Number:          ${o.caseNumber ?? 'CM15-0101234'}`);
  out.push('Date Assigned:        03/02/2015                      Date of Injury:      06/14/2012');
  out.push('Decision Date:        04/01/2015                      UR Denial Date:      02/20/2015');
  out.push('Priority:             Standard                        Application          02/25/2015');
  out.push('                                                      Received:');
  out.push('');
  out.push('HOW THE IMR FINAL DETERMINATION WAS MADE');
  out.push('');
  out.push('MAXIMUS Federal Services sent the case file to a physician reviewer with no ties to the');
  out.push('parties. The reviewer practises in a related specialty and knows the governing rules.');
  out.push('');
  out.push('The Expert Reviewer has the following credentials:');
  out.push('State(s) of Licensure: California, Oregon');
  out.push('Certification(s)/Specialty: Physical Medicine & Rehabilitation');
  out.push('');
  if (!o.withoutSummary) {
    out.push('CLINICAL CASE SUMMARY');
    out.push('');
    out.push(`The injured worker is a 44 year old male who hurt his back lifting boxes on 6/14/12.${o.summaryNote ? ' ' + o.summaryNote : ''}`);
    out.push('Diagnoses include lumbar strain and knee pain. Treatment has included medication and rest.');
    out.push(`Utilization Review on 02/20/2015 non-certified requests for ${o.items.map((i) => i.title).join('; ')}.`);
    out.push('');
  }
  out.push('IMR ISSUES, DECISIONS AND RATIONALES');
  out.push('');
  out.push('The Final Determination was based on decisions for the disputed items/services set forth below:');
  out.push('');
  for (const item of o.items) {
    out.push(`${item.title}: ${item.outcome}`);
    out.push('');
    out.push('Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Page(s): 60-61.');
    out.push('');
    out.push('MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Page(s): 60-61.');
    out.push('');
    if (item.outcome === 'Upheld') {
      out.push('Decision rationale: The records show no functional gain from this treatment so far. The guideline');
      out.push(`supports it only with documented improvement. The request for ${item.title} is not medically necessary.`);
    } else {
      out.push('Decision rationale: The records document pain relief and a return to modified work with this');
      out.push(`treatment. The guideline supports continuing it. The request for ${item.title} is medically necessary.`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A deterministic letter for index `i` of a generated folder (items and outcomes vary). */
export function generatedLetter(i: number): string {
  const count = 1 + (i % 4);
  const items: TestItem[] = [];
  for (let k = 0; k < count; k++) {
    const all = [...DRUGS, ...SERVICES];
    items.push({ title: all[(i * 3 + k) % all.length], outcome: (i + k) % 5 === 0 ? 'Overturned' : 'Upheld' });
  }
  // Every ninth letter misses a section, so the run has errors to order and count.
  return writeLetter({ caseNumber: `CM15-${String(1000000 + i).padStart(7, '0')}`, items, withoutSummary: i % 9 === 4 });
}
