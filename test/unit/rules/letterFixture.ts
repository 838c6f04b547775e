/**
 * A small valid letter written for these tests (reference layout, two items), and a way
 * to break one thing in it. Facts from letter-formats.md; wording is ours.
 */
export const VALID_LETTER = [
  'Case Number:          CM15-0101010',
  'Date Assigned:        05/04/2015                      Date of Injury:      01/12/2011',
  'Decision Date:        06/01/2015                      UR Denial Date:      04/20/2015',
  'Priority:             Standard',
  '',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  '',
  'MAXIMUS Federal Services sent the case file to an expert reviewer with no affiliation to the parties.',
  '',
  'CLINICAL CASE SUMMARY',
  '',
  'The injured worker is a 44 year old male who hurt his low back at work on 01/12/2011.',
  'Treatment has included physical therapy and medications. The Utilization Review dated',
  '04/20/2015 non-certified the request for Norco 10/325mg #90 and Flexeril 7.5mg #60.',
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  '',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  'Norco 10/325mg #90: Upheld',
  '',
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 74-96.',
  '',
  'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 78-80.',
  '',
  'Decision rationale: The guidelines call for documented pain relief and functional gains on opioids.',
  'None are recorded here. Therefore, the request for Norco 10/325mg #90 is not medically necessary.',
  '',
  'Flexeril 7.5mg #60: Overturned',
  '',
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Muscle relaxants, Page(s): 63.',
  '',
  'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Muscle relaxants, Page(s): 63-64.',
  '',
  'Decision rationale: MTUS states muscle relaxants are "not recommended" for long-term use, but this is a',
  'short course for an acute flare documented on exam. Medical necessity has been established.',
  '',
].join('\n');

/** The valid letter with `from` replaced by `to` (throws if `from` is not in it, so a fixture cannot silently rot). */
export function broken(from: string, to: string, text = VALID_LETTER): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}

export function lineOf(text: string, startsWith: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(startsWith));
  if (i < 0) throw new Error(`no line starts with ${startsWith}`);
  return i;
}
