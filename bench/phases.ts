/**
 * Where the full analysis spends its time, phase by phase (split, parse, rules, outline),
 * medians of several runs: node --expose-gc --import tsx bench/phases.ts [MB]
 */
import { composeCorpus } from './generate';
import { splitLines } from '../server/src/languageService/text/lines';
import { parseDocument } from '../server/src/languageService/parser/parseDocument';
import { computeDiagnostics } from '../server/src/languageService/features/diagnostics';
import { getDocumentSymbols } from '../server/src/languageService/features/documentSymbols';
import MarkdownIt from 'markdown-it';
import { median, gc, MB } from './stats';

const size = Number(process.argv[2] ?? 10) * MB;
const text = composeCorpus(101, size, 'varied');
const md = new MarkdownIt();
const phases: Record<string, number[]> = { split: [], parse: [], rules: [], outline: [], 'markdown-it': [] };
for (let i = 0; i < 6; i++) {
  gc();
  let t = performance.now();
  const lines = splitLines(text);
  phases.split.push(performance.now() - t);
  t = performance.now();
  const parsed = parseDocument(text, lines);
  phases.parse.push(performance.now() - t);
  t = performance.now();
  computeDiagnostics(parsed, {}, lines);
  phases.rules.push(performance.now() - t);
  t = performance.now();
  getDocumentSymbols(parsed);
  phases.outline.push(performance.now() - t);
  gc();
  t = performance.now();
  md.parse(text, {});
  phases['markdown-it'].push(performance.now() - t);
}
for (const [name, samples] of Object.entries(phases)) console.log(`${name.padEnd(12)} ${median(samples.slice(1)).toFixed(0).padStart(6)} ms`);
