/**
 * Letter summaries for the client tests, produced the way the server produces them
 * (parse + summarizeDocument) from short letters written for these tests.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../../server/src/languageService';
import { summarizeDocument } from '../../../server/src/summaries';
import type { ItemSummary, LetterSummary } from '../../../server/src/protocol';

export function summarize(uri: string, text: string): LetterSummary[] {
  const service = new LanguageService();
  const doc = TextDocument.create(uri, 'imr', 1, text);
  return summarizeDocument(uri, service.parse(doc), service.getDiagnostics(doc));
}

/** A reference-layout letter with the given items (title, outcome word). */
export function letterText(caseNumber: string | null, items: Array<[string, string]>): string {
  const out: string[] = [];
  if (caseNumber) out.push(`Case Number:          ${caseNumber}`, 'Date Assigned:        03/02/2015', 'Decision Date:        04/01/2015', '');
  out.push(
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    '',
    'An independent physician reviewer with no ties to the parties looked at the whole file.',
    '',
    'CLINICAL CASE SUMMARY',
    '',
    'The injured worker is a 40 year old man hurt at work on 01/05/2013. Utilization Review',
    'on 02/10/2015 denied the requests listed below.',
    '',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    '',
  );
  for (const [title, outcome] of items) {
    const necessary = outcome.startsWith('Overturn');
    out.push(
      `${title}: ${outcome}`,
      '',
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain, Page(s): 63-66.',
      '',
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain, Page(s): 63-66.',
      '',
      `Decision rationale: The records were reviewed. The request for ${title} is ${necessary ? '' : 'not '}medically necessary.`,
      '',
    );
  }
  return out.join('\n');
}

/** A hand-made item, for shapes a parsed letter does not easily give. */
export function item(title: string, outcome: ItemSummary['outcome'], line: number, treatment: ItemSummary['treatment'] = null): ItemSummary {
  const range = { start: { line, character: 0 }, end: { line, character: title.length } };
  return { title, outcome, treatment, headingRange: range, titleRange: range };
}

export function letter(uri: string, items: ItemSummary[], extra: Partial<LetterSummary> = {}): LetterSummary {
  return {
    uri,
    index: 0,
    layout: 'reference',
    range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } },
    items,
    errorCount: 0,
    ...extra,
  };
}
