/**
 * `npm run bench`: runs every bench case, each several times, and prints one table of
 * medians with ratios against baselines measured in the same run.
 *
 *   node --expose-gc --import tsx bench/run.ts [--quick] [--json FILE] [--only a,b]
 *
 * --quick   small inputs and 3 runs, to check the harness (numbers are not the targets')
 * --json    also write rows + machine info as JSON to FILE
 * --markdown also write the machine line and the table as Markdown to FILE (for docs/performance.md)
 * --only    run only the named cases (parse, scaling, editor, workspace, startup, pdf)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchCase, BenchContext, Row } from './types';
import { textTable, markdownTable } from './table';
import { machineInfo, describeMachine } from './machine';

/**
 * Cases in run order; each module is loaded only when its turn comes, so a case whose
 * imports are broken (others' work in progress) shows as a crashed row, not a dead bench.
 * startup goes last: it rebuilds dist/ in production mode and back.
 */
const CASES: Array<{ name: string; load: () => Promise<BenchCase | null> }> = [
  { name: 'parse', load: async () => (await import('./cases/parse')).parseCase },
  { name: 'scaling', load: async () => (await import('./cases/scaling')).scalingCase },
  { name: 'editor', load: async () => (await import('./cases/editor')).editorCase },
  { name: 'workspace', load: async () => (await import('./cases/workspace')).workspaceCase },
  { name: 'pdf', load: () => optionalPdfCase(resolve(__dirname, '..')) },
  { name: 'startup', load: async () => (await import('./cases/startup')).startupCase },
];

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The PDF engineer's case, when present: bench/cases/pdf.ts exporting `pdfCase` or a default BenchCase. */
async function optionalPdfCase(root: string): Promise<BenchCase | null> {
  const file = join(root, 'bench', 'cases', 'pdf.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(file)) as { pdfCase?: BenchCase; default?: BenchCase | { pdfCase?: BenchCase } };
  const found = mod.pdfCase ?? (mod.default && 'run' in mod.default ? mod.default : (mod.default as { pdfCase?: BenchCase } | undefined)?.pdfCase);
  return found ?? null;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const jsonOut = argValue(args, '--json');
  const only = argValue(args, '--only')?.split(',');
  const root = resolve(__dirname, '..');
  const scratch = join(tmpdir(), 'imr-bench');
  mkdirSync(scratch, { recursive: true });
  const ctx: BenchContext = { quick, runs: quick ? 3 : 7, root, scratch, log: (m) => process.stderr.write(`[bench] ${m}\n`) };
  if (!(globalThis as { gc?: unknown }).gc) ctx.log('note: run with --expose-gc for a GC between runs');

  const machine = machineInfo();
  ctx.log(describeMachine(machine));

  const rows: Row[] = [];
  for (const entry of CASES) {
    if (only && !only.includes(entry.name)) continue;
    ctx.log(`--- ${entry.name}`);
    try {
      const c = await entry.load();
      if (!c) {
        ctx.log(`${entry.name}: bench/cases/${entry.name}.ts not present, skipped`);
        continue;
      }
      rows.push(...(await c.run(ctx)));
    } catch (err) {
      // A broken case is a result too: it shows in the table as a FAIL row rather than hiding.
      rows.push({ case: entry.name, measure: 'case crashed', median: null, unit: '', target: 'runs', pass: false, note: String((err as Error)?.stack ?? err).split('\n').slice(0, 3).join(' | ') });
    }
  }

  // The machine may be shared: the load at the end says how quiet the run was.
  const loadAtEnd = loadavg().map((l) => l.toFixed(2)).join(' ');
  const header = `IMR bench${quick ? ' (--quick: small inputs, not the target sizes)' : ''}\n${describeMachine(machine)} | load at end ${loadAtEnd}\n`;
  process.stdout.write(`${header}\n${textTable(rows)}\n`);
  const markdownOut = argValue(args, '--markdown');
  if (markdownOut) writeFileSync(markdownOut, `Machine: ${describeMachine(machine)} | load at end ${loadAtEnd}${quick ? ' (--quick)' : ''}\n\n${markdownTable(rows)}\n`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ quick, machine, loadAtEnd, runs: ctx.runs, rows }, null, 2));
  const count = (v: boolean | null) => rows.filter((r) => r.target && (r.pass ?? null) === v).length;
  process.stdout.write(`\ntargets met: ${count(true)}, missed: ${count(false)}, not measurable: ${count(null)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
