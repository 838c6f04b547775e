/** Letters the suite writes into its workspace (own text, reference layout). */

export function referenceLetter(caseNumber: string, items: Array<[string, 'Upheld' | 'Overturned']>): string {
  const out = [
    `Case Number:          ${caseNumber}`,
    'Date Assigned:        02/20/2015',
    '',
    ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
    '',
    'A physician reviewer with no ties to the parties examined the complete case file.',
    '',
    'CLINICAL CASE SUMMARY',
    '',
    'The injured worker is a 52 year old woman injured at work on 06/11/2012. Utilization',
    'Review on 03/04/2015 denied the requests below.',
    '',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    '',
  ];
  for (const [title, outcome] of items) {
    out.push(
      `${title}:  ${outcome}`,
      '',
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain, Page(s): 41-42.',
      '',
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain, Page(s): 41-42.',
      '',
      `Decision rationale: The file was reviewed. The request for ${title} is ${outcome === 'Upheld' ? 'not ' : ''}medically necessary.`,
      '',
    );
  }
  return out.join('\n');
}

/** A letter with its case summary missing and an item with no outcome. */
export const BROKEN_LETTER = [
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  '',
  'A physician reviewer examined the file.',
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  '',
  'Tizanidine 4mg #90:',
  '',
  'Claims Administrator guideline: Decision based on MTUS.',
  '',
  'MAXIMUS guideline: Decision based on MTUS.',
  '',
  'Decision rationale: The request for Tizanidine 4mg #90 is not medically necessary.',
  '',
].join('\n');
