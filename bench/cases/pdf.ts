/**
 * PDF extraction speed beside Debian's `pdftotext` (poppler-utils) on the same PDFs, and
 * whether the items and outcomes read from each PDF are right (ours and pdftotext's text
 * through the same parser).
 *
 * - in-process: extractPdf over every file, pdfjs already loaded (the language server case)
 * - per file, cold: `node dist/imr-lint.js --extract F` per file (a CLI run pays node + pdfjs load)
 * - baseline: `pdftotext F -` per file (a native process per file)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchCase, BenchContext, Row } from '../types';
import { median, gc } from '../stats';
import { extractPdf } from '../../server/src/pdf/api';
import { parseDocument } from '../../server/src/languageService/parser/parseDocument';
import { writeLetterPdf, isCapsHeading, type PdfLayoutOptions } from '../../test/helpers/pdfWriter';
import { FIXTURES } from '../../test/pdf/letters';

interface BenchPdf {
  path: string;
  pages: number;
  items: string;
}

const LAYOUTS: Array<(f: (typeof FIXTURES)[number]) => PdfLayoutOptions> = [
  (f) => ({ header: f.header }),
  (f) => ({ header: f.header, wrapLongLabels: true, centre: isCapsHeading, wordRuns: true, linesPerPage: 30 }),
  (f) => ({ header: f.header, linesPerPage: 20, pageFooter: (p, n) => `Page ${p} of ${n}` }),
];

const itemsOf = (text: string) => JSON.stringify(parseDocument(text).letters.flatMap((l) => l.items.map((i) => [i.title, i.outcome])));

async function makePdfs(ctx: BenchContext, count: number): Promise<BenchPdf[]> {
  const dir = join(ctx.scratch, 'pdf');
  mkdirSync(dir, { recursive: true });
  const out: BenchPdf[] = [];
  for (let i = 0; i < count; i++) {
    const fixture = FIXTURES[i % FIXTURES.length];
    const bytes = await writeLetterPdf(fixture.text, LAYOUTS[i % LAYOUTS.length](fixture));
    const path = join(dir, `letter-${i}.pdf`);
    writeFileSync(path, bytes);
    const pages = (await extractPdf(bytes)).pageCount;
    out.push({ path, pages, items: JSON.stringify(fixture.items) });
  }
  return out;
}

function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** Milliseconds for one pass over all files, each pass a median sample. */
async function timePasses(runs: number, pass: () => Promise<void> | void): Promise<number[]> {
  await pass(); // warm-up: page cache, pdfjs loaded, JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    await pass();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export const pdfCase: BenchCase = {
  name: 'pdf',
  async run(ctx) {
    const pdfs = await makePdfs(ctx, ctx.quick ? 6 : 30);
    const totalPages = pdfs.reduce((n, p) => n + p.pages, 0);
    const bytes = pdfs.map((p) => readFileSync(p.path));
    const pagesPerSecond = (ms: number) => (totalPages * 1000) / ms;
    const rows: Row[] = [];
    ctx.log(`pdf: ${pdfs.length} PDFs, ${totalPages} pages`);

    const inProcess = await timePasses(ctx.runs, async () => {
      for (const b of bytes) await extractPdf(b);
    });
    const cli = join(ctx.root, 'dist', 'imr-lint.js');
    const coldRuns = Math.min(ctx.runs, 3);
    const cold = await timePasses(coldRuns, () => {
      for (const p of pdfs) spawnSync(process.execPath, [cli, '--extract', p.path], { stdio: ['ignore', 'ignore', 'ignore'] });
    });

    let baseline: number | null = null;
    let popplerRight: number | null = null;
    if (hasPdftotext()) {
      baseline = median(
        await timePasses(ctx.runs, () => {
          for (const p of pdfs) spawnSync('pdftotext', [p.path, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
        }),
      );
      popplerRight = pdfs.filter((p) => itemsOf(spawnSync('pdftotext', [p.path, '-'], { encoding: 'utf8' }).stdout) === p.items).length;
    } else {
      ctx.log('pdf: pdftotext is NOT installed (apt-get install poppler-utils): no baseline, ratios are n/a');
    }
    const basePps = baseline === null ? null : pagesPerSecond(baseline);
    const missing = 'pdftotext is not installed (apt-get install poppler-utils): no baseline';

    const ours = pagesPerSecond(median(inProcess));
    rows.push({
      case: 'pdf',
      measure: `extract in-process (${totalPages} pages)`,
      median: round(ours),
      unit: 'pages/s',
      baseline: { name: 'pdftotext per file', value: basePps === null ? null : round(basePps), unit: 'pages/s' },
      ratio: basePps === null ? null : round(ours / basePps),
      pass: null,
      note: basePps === null ? missing : 'ratio = ours / pdftotext (higher is faster); pdfjs loaded once, as in the language server',
      samples: inProcess.map((ms) => round(pagesPerSecond(ms))),
    });
    const coldPps = pagesPerSecond(median(cold));
    rows.push({
      case: 'pdf',
      measure: 'imr-lint --extract, a process per file',
      median: round(coldPps),
      unit: 'pages/s',
      baseline: { name: 'pdftotext per file', value: basePps === null ? null : round(basePps), unit: 'pages/s' },
      ratio: basePps === null ? null : round(coldPps / basePps),
      pass: null,
      note: basePps === null ? missing : 'each run starts node and loads dist/pdf.js',
      samples: cold.map((ms) => round(pagesPerSecond(ms))),
    });

    // Correctness beside speed: items and outcomes from each PDF's text, ours and poppler's.
    let right = 0;
    for (const [i, b] of bytes.entries()) if (itemsOf((await extractPdf(b)).text) === pdfs[i].items) right++;
    rows.push({
      case: 'pdf',
      measure: 'PDFs with every item and outcome right',
      median: right,
      unit: `of ${pdfs.length}`,
      baseline: { name: 'pdftotext text', value: popplerRight, unit: `of ${pdfs.length}` },
      target: 'all',
      pass: right === pdfs.length,
      note: popplerRight === null ? missing : undefined,
    });
    return rows;
  },
};

const round = (n: number) => Math.round(n * 10) / 10;
