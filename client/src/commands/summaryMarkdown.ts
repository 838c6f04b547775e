/** The "Show letter summary" text: a Markdown digest of one file's letters. Pure. */
import type { LetterSummary } from '../../../server/src/protocol';
import { countItems, fileName, letterLabel, statusText } from '../decisionTree/model';

/** Escapes the characters that would change a Markdown table cell or inline text. */
function md(s: string): string {
  return s.replace(/[\\|*_`[\]<>]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

export function summaryMarkdown(uri: string, letters: readonly LetterSummary[]): string {
  const out: string[] = [`# IMR letter summary: ${md(fileName(uri))}`, ''];
  if (letters.length === 0) {
    out.push('No IMR letter was recognised in this file.', '');
    return out.join('\n');
  }
  out.push(statusText(letters), '');
  for (const letter of letters) {
    const c = countItems([letter]);
    out.push(`## ${md(letterLabel(letter))}`, '');
    out.push(`- Layout: ${letter.layout}`);
    out.push(`- Items: ${c.items} (${c.upheld} upheld, ${c.overturned} overturned${c.missing ? `, ${c.missing} missing an outcome` : ''})`);
    out.push(`- Errors: ${letter.errorCount}`, '');
    if (letter.items.length) {
      out.push('| # | Item | Outcome | Treatment | Line |', '|---|---|---|---|---|');
      letter.items.forEach((item, i) => {
        const t = item.treatment;
        const treatment = t ? [t.generic ?? t.name, t.category].filter(Boolean).join(' / ') : '';
        const outcome = item.outcome ?? (item.outcomeText ? `? (${item.outcomeText})` : 'missing');
        out.push(`| ${i + 1} | ${md(item.title)} | ${md(outcome)} | ${md(treatment)} | ${item.headingRange.start.line + 1} |`);
      });
      out.push('');
    }
  }
  return out.join('\n');
}
