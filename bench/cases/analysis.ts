/**
 * The operations the parse and scaling cases time, in one place so both time the same
 * thing: the full analysis an editor pays for on open (parse + every rule + outline),
 * the parse alone, and the two baselines.
 */
import MarkdownIt from 'markdown-it';
import { LanguageService } from '../../server/src/languageService/service';
import { parseDocument } from '../../server/src/languageService/parser/parseDocument';

let docCounter = 0;

/** Parse + all rules + document symbols, on a fresh service so nothing is cached. Returns a count so the work cannot be optimised away. */
export function fullAnalysis(text: string): number {
  const service = new LanguageService();
  const doc = { uri: `bench:///doc-${++docCounter}.imr`, version: 1, getText: () => text };
  const diagnostics = service.getDiagnostics(doc);
  const symbols = service.getDocumentSymbols(doc);
  return diagnostics.length + symbols.length;
}

export function parseOnly(text: string): number {
  return parseDocument(text).letters.length;
}

const md = new MarkdownIt();
/** A mature block-structure parser over the same bytes (tokens only, no rendering). */
export function markdownItParse(text: string): number {
  return md.parse(text, {}).length;
}

const ITEM_HEADING = /:\s*(?:Upheld|Overturned)\s*$/;
/** The floor: split into lines and test each line against one regular expression. */
export function floorScan(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (ITEM_HEADING.test(line)) hits++;
  return hits;
}
