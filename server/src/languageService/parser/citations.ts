/**
 * Reads the guideline sources cited on a guideline line: MTUS (and its ACOEM chapters),
 * ODG, and others, with chapter, section and page citations where written.
 */
import type { Citation } from '../model';
import type { JoinedText } from '../text/joined';
import { collapseSpaces } from '../text/joined';

/** Each citation starts at "Decision based on" or at a source name; it runs to the next one. */
const SOURCE = /\b(?:Non-MTUS Citation|MTUS|ACOEM|Official Disability Guidelines|ODG|UpToDate|Up-to-Date)\b/gi;

export function readCitations(joined: JoinedText): Citation[] {
  const text = joined.text;
  const out: Citation[] = [];
  const parts = text.split(/Decision based on\s*/i);
  let at = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const from = text.indexOf(part, at);
    at = from + part.length;
    if (p === 0 && parts.length > 1) continue; // text before the first "Decision based on"
    const trimmed = part.replace(/[\s.;,]+$/, '');
    if (!trimmed || /did not cite/i.test(trimmed)) continue;
    SOURCE.lastIndex = 0;
    const m = SOURCE.exec(trimmed);
    if (!m) continue;
    out.push(makeCitation(trimmed, joined.rangeOf(from, from + trimmed.length)));
  }
  return out;
}

function makeCitation(raw: string, range: Citation['range']): Citation {
  const text = collapseSpaces(raw);
  let kind: Citation['kind'] = 'other';
  if (/\bNon-MTUS\b/i.test(text) || /\bODG\b|Official Disability Guidelines/i.test(text)) kind = /\bODG\b|Official Disability/i.test(text) ? 'ODG' : 'other';
  else if (/\bACOEM\b/i.test(text)) kind = 'ACOEM';
  else if (/\bMTUS\b/i.test(text)) kind = 'MTUS';
  const pages = /Page\(?s?\)?\s*:?\s*([0-9][0-9,\- ]*[0-9]|[0-9]+)/i.exec(text);
  const chapter = /\bChapter\s+(\d+)/i.exec(text);
  const c: Citation = { kind, text, range };
  if (pages) c.pages = pages[1].replace(/\s+/g, ' ');
  if (chapter) c.chapter = chapter[1];
  return c;
}
