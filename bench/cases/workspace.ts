/**
 * Workspace: 10,000 letters on disk (about 80 MB). `imr-lint` over the folder with its
 * default worker threads, and the server's workspace index for the tree view, each beside
 * ripgrep counting letter headings in the same files (the floor for reading the bytes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { BenchCase, BenchContext, Row } from '../types';
import { writeWorkspace } from '../generate';
import { median, MB } from '../stats';
import { BenchServer } from '../lsp';
import { IndexChangedNotification, type IndexChangedParams } from '../../server/src/protocol';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';

const RATIO_TARGET = 5;

/** Runs a command with output discarded; returns its wall time and exit status. */
function timeCommand(cmd: string, args: string[], cwd: string): { ms: number; status: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MB });
  return { ms: performance.now() - t0, status: r.error ? null : r.status, stderr: String(r.stderr ?? r.error ?? '').slice(0, 300) };
}

/**
 * One untimed run with the output kept: the timed runs only count if imr-lint really
 * linted (exit 0 or 1, and JSON on stdout). Returns null when fine, else what went wrong.
 */
function checkLintOutput(args: string[], cwd: string, json: boolean): { problem: string | null; outputMB: number } {
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * MB });
  const outputMB = (r.stdout?.length ?? 0) / MB;
  const why = `imr-lint exited ${r.status}: ${String(r.stderr ?? r.error ?? '').replace(/\s+/g, ' ').slice(0, 200)}`;
  if (r.status !== 0 && r.status !== 1) return { problem: why, outputMB };
  if (!json) return { problem: null, outputMB };
  try {
    JSON.parse(String(r.stdout));
    return { problem: null, outputMB };
  } catch {
    return { problem: `${why}; stdout is not JSON (no --format json yet?)`, outputMB };
  }
}

function hasRipgrep(): boolean {
  return spawnSync('rg', ['--version'], { stdio: 'ignore' }).status === 0;
}

export const workspaceCase: BenchCase = {
  name: 'workspace',
  async run(ctx: BenchContext): Promise<Row[]> {
    const count = ctx.quick ? 1000 : 10_000;
    const runs = Math.min(ctx.runs, 5);
    const dir = join(ctx.scratch, `workspace-${count}`);
    ctx.log(`workspace: writing ${count} letters to ${dir} (reused when already there)`);
    const bytes = writeWorkspace(dir, count, 404);
    const label = `${count} letters, ${(bytes / MB).toFixed(0)} MB`;
    const rows: Row[] = [];

    // The floor: ripgrep reading every byte. Warm the page cache first so every tool reads from memory.
    let rgMs: number | null = null;
    if (hasRipgrep()) {
      const rgArgs = ['-c', 'IMR ISSUES, DECISIONS AND RATIONALES', dir];
      timeCommand('rg', rgArgs, ctx.root);
      const samples = Array.from({ length: runs }, () => timeCommand('rg', rgArgs, ctx.root).ms);
      rgMs = median(samples);
      rows.push({ case: 'workspace', measure: `rg -c heading (floor), ${label}`, median: rgMs, unit: 'ms', samples });
    } else {
      ctx.log('workspace: ripgrep (rg) is NOT installed: apt-get install ripgrep. Ratios against it are n/a.');
      rows.push({ case: 'workspace', measure: 'rg (floor)', median: null, unit: 'ms', pass: null, note: 'ripgrep is not installed (apt-get install ripgrep): no floor, ratios are n/a' });
    }
    const vsFloor = (ms: number | null, measure: string, samples: number[], note?: string): Row => {
      const ratio = ms !== null && rgMs !== null ? ms / rgMs : null;
      return {
        case: 'workspace',
        measure,
        median: ms,
        unit: 'ms',
        baseline: { name: 'rg', value: rgMs, unit: 'ms' },
        ratio,
        target: `<= ${RATIO_TARGET}x rg`,
        pass: ratio === null ? null : ratio <= RATIO_TARGET,
        note,
        samples,
      };
    };

    // imr-lint over the folder, default jobs (worker threads), output discarded. Exit 1 = letters
    // with errors: fine. JSON (the coders' format) prints every range of every letter, more
    // bytes than the letters themselves; text prints only the diagnostics.
    for (const format of ['json', 'text'] as const) {
      const lintArgs = [join(ctx.root, 'bin', 'imr-lint.js'), '--format', format, dir];
      const check = checkLintOutput(lintArgs, ctx.root, format === 'json');
      if (check.problem === null) {
        const samples = Array.from({ length: runs }, () => timeCommand(process.execPath, lintArgs, ctx.root).ms);
        rows.push(vsFloor(median(samples), `imr-lint --format ${format} (default jobs), ${label}`, samples, `${check.outputMB.toFixed(0)} MB of output`));
      } else {
        rows.push(vsFloor(null, `imr-lint --format ${format}, ${label}`, [], check.problem));
      }
    }

    rows.push(await directIndexRow(dir, runs, label, vsFloor));
    rows.push(await indexRow(ctx, dir, runs, label, vsFloor));
    return rows;
  },
};

/** The workspace index driven in-process (no LSP): a full rebuild over the folder, fresh index each run. */
async function directIndexRow(dir: string, runs: number, label: string, vsFloor: (ms: number | null, measure: string, samples: number[], note?: string) => Row): Promise<Row> {
  const samples: number[] = [];
  let letters = 0;
  for (let i = 0; i < runs + 1; i++) {
    const index = new WorkspaceIndex({ fs: nodeFileSystem });
    const t0 = performance.now();
    await index.rebuild([dir]);
    const ms = performance.now() - t0;
    letters = index.letterCount;
    if (i > 0) samples.push(ms); // the first run warms the JIT and the page cache
  }
  return vsFloor(median(samples), `workspace index in-process (WorkspaceIndex.rebuild, 1 thread), ${label}`, samples, `${letters} letters indexed`);
}

/** Time from initialize to the server's `imr/indexChanged` with indexing false, on a fresh server each run. */
async function indexRow(ctx: BenchContext, dir: string, runs: number, label: string, vsFloor: (ms: number | null, measure: string, samples: number[], note?: string) => Row): Promise<Row> {
  const measure = `workspace index via server (initialize -> indexing done), ${label}`;
  const serverJs = join(ctx.root, 'dist', 'server.js');
  if (!existsSync(serverJs)) return vsFloor(null, measure, [], 'dist/server.js missing');
  if (!readFileSync(serverJs, 'utf8').includes(IndexChangedNotification)) return vsFloor(null, measure, [], `server does not send ${IndexChangedNotification} yet (no workspace index)`);
  const rootUri = pathToFileURL(dir).href;
  const samples: number[] = [];
  let letters = 0;
  for (let i = 0; i < runs + 1; i++) {
    const server = new BenchServer(serverJs);
    try {
      const done = server.nextNotification<IndexChangedParams>(IndexChangedNotification, (p) => !p.indexing && p.filesTotal > 0);
      const t0 = performance.now();
      await server.initialize({ rootUri });
      const last = await done;
      const ms = performance.now() - t0;
      letters = last.letterCount;
      if (i > 0) samples.push(ms); // the first run warms the page cache and is not counted
    } finally {
      await server.shutdown();
    }
  }
  return vsFloor(median(samples), measure, samples, `${letters} letters indexed`);
}
