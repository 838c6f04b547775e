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
  const drugNames = drugNamesFor(word.text);
  const phrase = drugNames ? null : treatmentAt(doc, rawOf(line), pos.character, word.text);
  if (!drugNames && !phrase) return [];
  // Item titles by line, so each match checks only the titles on its own line (a letter
  // with thousands of items would otherwise cost matches x items).
  const titlesOn = new Map<number, Range[]>();
  for (const letter of doc.letters) {
    for (const { titleRange: t } of letter.items) {
      for (let ln = t.start.line; ln <= t.end.line; ln++) titlesOn.set(ln, [...(titlesOn.get(ln) ?? []), t]);
    }
  }
  const out: DocumentHighlight[] = [];
  const pattern = phrase ?? WORD;
  for (const l of lines) {
    if (isBlank(l)) continue;
    if (isCancelled()) return [];
    pattern.lastIndex = 0;
    const raw = rawOf(l); // built on each read for most lines: read it once
    for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
      if (drugNames && !drugNames.has(m[0].toLowerCase())) continue;
      const range = { start: { line: l.index, character: m.index }, end: { line: l.index, character: m.index + m[0].length } };
      const inTitle = (titlesOn.get(l.index) ?? []).some((t) => contains(t, range.start));
      out.push({ range, kind: inTitle ? DocumentHighlightKind.Write : DocumentHighlightKind.Read });
    }
  }
  return out;
}

/** Every name of the drug a word names (brands and generic), or null when it names no lexicon drug. */
function drugNamesFor(word: string): Set<string> | null {
  const drug = lookupDrug(word);
  return drug ? new Set([drug.generic, ...drug.generic.split('/'), ...drug.brands].map((n) => n.toLowerCase())) : null;
}

/**
 * The whole name of an item's (non-drug) treatment written where the cursor is, as a pattern
 * matching every mention of it (any case, any run of spaces between its words, on one line):
 * `Physical therapy`, not every `physical`. Null when the cursor is on no such name.
 */
function treatmentAt(doc: ParsedDocument, raw: string, character: number, word: string): RegExp | null {
  const lower = word.toLowerCase();
  const tried = new Set<string>();
  for (const letter of doc.letters) {
    for (const item of letter.items) {
      const words = item.treatment?.name.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
      const key = words.join(' ');
      if (tried.has(key) || !words.includes(lower) || key.length <= 2) continue;
      tried.add(key);
      const pattern = new RegExp(`(?<![A-Za-z0-9-])${words.map(escape).join('\\s+')}(?![A-Za-z0-9-])`, 'gi');
      for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
        if (m.index <= character && character <= m.index + m[0].length) {
          pattern.lastIndex = 0;
          return pattern;
        }
      }
    }
  }
  return null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
