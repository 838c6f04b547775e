/** Highlights every mention of the treatment under the cursor (brand and generic names alike). */
import { DocumentHighlightKind, type DocumentHighlight, type Position, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model';
import { isBlank, rawOf, type Line } from '../text/lines';
import { lookupDrug } from '../lexicon/drugs';
import { contains, wordAt } from './ranges';

const WORD = /[A-Za-z][A-Za-z0-9-]*/g;

export function getDocumentHighlights(doc: ParsedDocument, lines: readonly Line[], pos: Position, isCancelled: () => boolean = () => false): DocumentHighlight[] {
  const line = lines[pos.line];
  if (!line) return [];
  const word = wordAt(rawOf(line), pos.character);
  if (!word) return [];
  const names = namesFor(doc, word.text);
  if (!names) return [];
  // Item titles by line, so each match checks only the titles on its own line (a letter
  // with thousands of items would otherwise cost matches x items).
  const titlesOn = new Map<number, Range[]>();
  for (const letter of doc.letters) {
    for (const { titleRange: t } of letter.items) {
      for (let ln = t.start.line; ln <= t.end.line; ln++) titlesOn.set(ln, [...(titlesOn.get(ln) ?? []), t]);
    }
  }
  const out: DocumentHighlight[] = [];
  for (const l of lines) {
    if (isBlank(l)) continue;
    if (isCancelled()) return [];
    WORD.lastIndex = 0;
    const raw = rawOf(l); // built on each read for most lines: read it once
    for (let m = WORD.exec(raw); m; m = WORD.exec(raw)) {
      if (!names.has(m[0].toLowerCase())) continue;
      const range = { start: { line: l.index, character: m.index }, end: { line: l.index, character: m.index + m[0].length } };
      const inTitle = (titlesOn.get(l.index) ?? []).some((t) => contains(t, range.start));
      out.push({ range, kind: inTitle ? DocumentHighlightKind.Write : DocumentHighlightKind.Read });
    }
  }
  return out;
}

/** Every name of the treatment a word names: a lexicon drug's brands and generic, or an item's treatment name. */
function namesFor(doc: ParsedDocument, word: string): Set<string> | null {
  const drug = lookupDrug(word);
  if (drug) return new Set([drug.generic, ...drug.generic.split('/'), ...drug.brands].map((n) => n.toLowerCase()));
  const lower = word.toLowerCase();
  for (const letter of doc.letters) {
    for (const item of letter.items) {
      const name = item.treatment?.name.split(/\s+/)[0]?.toLowerCase();
      if (name && name.length > 2 && name === lower) return new Set([name]);
    }
  }
  return null;
}
