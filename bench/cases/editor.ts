/**
 * Editor latency on a 10 MB open document, driving the real bundled server over stdio:
 * documentSymbol, hover, foldingRange, and a one-character edit until diagnostics for the
 * new version arrive (debounce excluded), plus the server's memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentSymbolRequest, HoverRequest, FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import type { BenchCase, BenchContext, Row } from '../types';
import { composeCorpus } from '../generate';
import { median, MB } from '../stats';
import { BenchServer } from '../lsp';
import * as scheduler from '../../server/src/diagnosticsScheduler';

const LATENCY_TARGET_MS = 100;
const MEMORY_TARGET_MB = 300;
const ITEM_HEADING = /:\s*(?:Upheld|Overturned)\s*$/;

function latencyRow(measure: string, samples: number[] | null, note?: string): Row {
  const m = samples && samples.length ? median(samples) : null;
  return { case: 'editor', measure, median: m, unit: 'ms', target: `< ${LATENCY_TARGET_MS} ms`, pass: m === null ? null : m < LATENCY_TARGET_MS, note, samples: samples ?? undefined };
}

export const editorCase: BenchCase = {
  name: 'editor',
  async run(ctx: BenchContext): Promise<Row[]> {
    const serverJs = join(ctx.root, 'dist', 'server.js');
    if (!existsSync(serverJs)) throw new Error('dist/server.js missing: run npm run build first');
    const bytes = ctx.quick ? 2 * MB : 10 * MB;
    const text = composeCorpus(303, bytes, 'varied');
    const sizeLabel = `${(Buffer.byteLength(text) / MB).toFixed(1)} MB`;
    const lines = text.split(/\r\n|\r|\n/);
    const headingLines = lines.flatMap((l, i) => (ITEM_HEADING.test(l) ? [i] : []));
    const editLines = lines.flatMap((l, i) => (l.startsWith('The injured worker is a') ? [i] : []));
    if (!headingLines.length || !editLines.length) throw new Error('generated document has no item headings or summary lines');

    // Does this build of the server honour a validation delay option? If not, its debounce is subtracted.
    const bundle = readFileSync(serverJs, 'utf8');
    const supportsDelay = bundle.includes('validationDelay');
    const debounce = Number((scheduler as Record<string, unknown>).DEFAULT_DEBOUNCE_MS ?? 200);
    const subtract = supportsDelay ? 0 : debounce;

    // IMR_BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the server while the case runs.
    const server = new BenchServer(serverJs, (process.env.IMR_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean));
    const rows: Row[] = [];
    try {
      const init = await server.initialize({ initializationOptions: { validationDelay: 0 } });
      const uri = 'file:///bench/editor-10mb.imr';
      let version = 1;

      const tOpen = performance.now();
      const firstDiagnostics = server.nextDiagnostics(uri, () => true);
      await server.open(uri, text, version);
      await firstDiagnostics;
      const openMs = performance.now() - tOpen;
      ctx.log(`editor: ${sizeLabel} opened, first diagnostics after ${openMs.toFixed(0)} ms`);

      const time = async (fn: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        await fn();
        return performance.now() - t0;
      };
      const textDocument = { uri };

      const symbols: number[] = [];
      let symbolCount = 0;
      for (let i = 0; i < ctx.runs; i++)
        symbols.push(
          await time(async () => {
            const r = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
            symbolCount = r?.length ?? 0;
          }),
        );

      const hovers: number[] = [];
      for (let i = 0; i < ctx.runs; i++) {
        const line = headingLines[Math.floor((i * headingLines.length) / ctx.runs)];
        hovers.push(await time(() => server.connection.sendRequest(HoverRequest.type, { textDocument, position: { line, character: 1 } })));
      }

      let folds: number[] | null = null;
      if (init.capabilities.foldingRangeProvider) {
        folds = [];
        for (let i = 0; i < ctx.runs; i++) folds.push(await time(() => server.connection.sendRequest(FoldingRangeRequest.type, { textDocument })));
      }

      // One-character edits, alternately typing and deleting an 'x' in a case summary line,
      // each timed until diagnostics for that exact version arrive.
      const edits: number[] = [];
      const symbolsAfterEdit: number[] = [];
      for (let i = 0; i < ctx.runs * 2; i++) {
        const line = editLines[Math.floor(((i >> 1) * editLines.length) / ctx.runs)];
        const insert = i % 2 === 0;
        const range = { start: { line, character: 4 }, end: { line, character: insert ? 4 : 5 } };
        const v = ++version;
        const fresh = server.nextDiagnostics(uri, (p) => p.version === v);
        const t0 = performance.now();
        await server.change(uri, v, [{ range, text: insert ? 'x' : '' }]);
        if (insert) {
          await fresh;
          edits.push(performance.now() - t0 - subtract);
        } else {
          // Outline right after an edit: the request pays for the new version's parse.
          symbolsAfterEdit.push(await time(() => server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })));
          await fresh;
        }
      }

      const mem = server.memory();

      // Line breaks, typed and deleted: every letter below the edit moves to new lines, which
      // costs more than a character within a line. Measured after the memory reading above,
      // with its own peak reading below, so the two kinds of edit stay apart in the table.
      const breaks: number[] = [];
      for (let i = 0; i < ctx.runs * 2; i++) {
        const line = editLines[Math.floor(((i >> 1) * editLines.length) / ctx.runs)];
        const insert = i % 2 === 0;
        const range = insert ? { start: { line, character: 4 }, end: { line, character: 4 } } : { start: { line, character: 4 }, end: { line: line + 1, character: 0 } };
        const v = ++version;
        const fresh = server.nextDiagnostics(uri, (p) => p.version === v);
        const t0 = performance.now();
        await server.change(uri, v, [{ range, text: insert ? '\n' : '' }]);
        await fresh;
        breaks.push(performance.now() - t0 - subtract);
      }
      const memAfterBreaks = server.memory();
      rows.push({ case: 'editor', measure: `open ${sizeLabel} -> first diagnostics`, median: openMs, unit: 'ms', note: 'one sample: includes sending the text over stdio', samples: [openMs] });
      rows.push(latencyRow(`documentSymbol, ${sizeLabel}`, symbols, `${symbolCount} top-level symbols returned`));
      rows.push({ ...latencyRow(`documentSymbol right after an edit, ${sizeLabel}`, symbolsAfterEdit), target: undefined, pass: undefined, note: 'informational: includes the re-parse of the new version' });
      rows.push(latencyRow(`hover on an item heading, ${sizeLabel}`, hovers));
      rows.push(latencyRow(`foldingRange, ${sizeLabel}`, folds, folds ? undefined : 'server does not offer foldingRangeProvider'));
      rows.push(
        latencyRow(
          `1-char edit -> diagnostics for the new version, ${sizeLabel}`,
          edits,
          supportsDelay ? 'sent initializationOptions.validationDelay = 0' : `server has no validationDelay option: its ${debounce} ms debounce was subtracted from each sample`,
        ),
      );
      rows.push({ case: 'editor', measure: 'server memory (VmRSS) after the above', median: mem?.rssMB ?? null, unit: 'MB', target: `< ${MEMORY_TARGET_MB} MB`, pass: mem ? mem.rssMB < MEMORY_TARGET_MB : null });
      rows.push({ case: 'editor', measure: 'server peak memory (VmHWM)', median: mem?.peakMB ?? null, unit: 'MB', target: `< ${MEMORY_TARGET_MB} MB`, pass: mem ? mem.peakMB < MEMORY_TARGET_MB : null });
      rows.push(latencyRow(`line break typed or deleted -> diagnostics for the new version, ${sizeLabel}`, breaks, 'every letter below the edit moves to new lines'));
      rows.push({ case: 'editor', measure: 'server peak memory (VmHWM) after the line breaks too', median: memAfterBreaks?.peakMB ?? null, unit: 'MB', target: `< ${MEMORY_TARGET_MB} MB`, pass: memAfterBreaks ? memAfterBreaks.peakMB < MEMORY_TARGET_MB : null });
      // What the server keeps while the user reads: V8 collects the edits' garbage (the
      // messages, the letters read again) only once the process has been idle for some seconds.
      const settled = await settledMemory(server, ctx);
      rows.push({ case: 'editor', measure: 'server memory (VmRSS) settled, idle after the edits', median: settled, unit: 'MB', target: `< ${MEMORY_TARGET_MB} MB`, pass: settled === null ? null : settled < MEMORY_TARGET_MB, note: 'lowest VmRSS in 30 s without requests' });
    } finally {
      await server.shutdown();
    }
    return rows;
  },
};

/** The lowest VmRSS seen in 30 s of idleness, read once a second (a bench, not a test: it may wait). */
async function settledMemory(server: BenchServer, ctx: BenchContext): Promise<number | null> {
  let lowest: number | null = null;
  for (let s = 0; s < 30; s++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rss = server.memory()?.rssMB;
    if (rss !== undefined && (lowest === null || rss < lowest)) lowest = rss;
  }
  ctx.log(`editor: settled VmRSS ${lowest?.toFixed(0)} MB`);
  return lowest;
}
