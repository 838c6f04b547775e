/**
 * Start-up: bundle sizes after a production build, `.vsix` size, extension activation time
 * (without VS Code: see startup/activateProbe.cjs) and server ready time (spawn +
 * initialize round trip). Rebuilds dist/ in production mode, then back to the dev build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchCase, BenchContext, Row } from '../types';
import { median } from '../stats';
import { BenchServer } from '../lsp';

const KB = 1024;

function run(cmd: string, args: string[], cwd: string): { ok: boolean; output: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ?? ''}` };
}

function sizeRow(ctx: BenchContext, file: string, target?: number): Row {
  const path = join(ctx.root, 'dist', file);
  const size = existsSync(path) ? statSync(path).size / KB : null;
  return {
    case: 'startup',
    measure: `bundle dist/${file} (production)`,
    median: size,
    unit: 'KB',
    target: target ? `< ${target} KB` : undefined,
    pass: target ? (size === null ? false : size < target) : undefined,
  };
}

export const startupCase: BenchCase = {
  name: 'startup',
  async run(ctx: BenchContext): Promise<Row[]> {
    const rows: Row[] = [];
    ctx.log('startup: npm run build:production');
    const prod = run('npm', ['run', 'build:production'], ctx.root);
    if (!prod.ok) throw new Error(`npm run build:production failed: ${prod.output.slice(-400)}`);
    try {
      rows.push(sizeRow(ctx, 'client.js'), sizeRow(ctx, 'server.js', 500), sizeRow(ctx, 'imr-lint.js'));

      // Activation: a fresh node process per sample (a cold require, as in the extension host).
      const probe = join(ctx.root, 'bench', 'startup', 'activateProbe.cjs');
      const samples: number[] = [];
      let reached = '';
      let requireNote = '';
      for (let i = 0; i < ctx.runs + 1; i++) {
        const r = spawnSync(process.execPath, [probe, join(ctx.root, 'dist', 'client.js')], { cwd: ctx.root, encoding: 'utf8' });
        const out = JSON.parse(r.stdout.trim().split('\n').pop() || '{}') as { ms?: number; reached?: string; error?: string };
        if (typeof out.ms !== 'number') throw new Error(`activation probe failed: ${r.stderr.slice(-300)}`);
        reached = out.reached ?? '';
        if (out.error) requireNote = out.error;
        if (i > 0) samples.push(out.ms); // the first run warms the disk cache
      }
      const activation = median(samples);
      rows.push({
        case: 'startup',
        measure: 'extension activation (require + activate() until the server is forked)',
        median: reached === 'fork' ? activation : null,
        unit: 'ms',
        target: '< 50 ms',
        pass: reached === 'fork' ? activation < 50 : false,
        note: `without VS Code: stand-in vscode module, child_process.fork intercepted; ended at: ${reached}${requireNote ? ` (${requireNote})` : ''}`,
        samples,
      });

      // Server ready: spawn until the initialize response arrives.
      const ready: number[] = [];
      for (let i = 0; i < ctx.runs + 1; i++) {
        const server = new BenchServer(join(ctx.root, 'dist', 'server.js'));
        try {
          await server.initialize();
          if (i > 0) ready.push(performance.now() - server.spawnedAt);
        } finally {
          await server.shutdown();
        }
      }
      rows.push({ case: 'startup', measure: 'server ready (spawn -> initialize response)', median: median(ready), unit: 'ms', samples: ready });

      // .vsix: the package script's vsce step, written to the scratch folder instead of the repo.
      const vsix = join(ctx.scratch, 'imr-letters.vsix');
      rmSync(vsix, { force: true });
      ctx.log('startup: vsce package');
      const pack = run('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], ctx.root);
      const vsixKb = pack.ok && existsSync(vsix) ? statSync(vsix).size / KB : null;
      rows.push({
        case: 'startup',
        measure: '.vsix size (vsce package --no-dependencies)',
        median: vsixKb,
        unit: 'KB',
        target: '< 1024 KB',
        pass: vsixKb === null ? false : vsixKb < 1024,
        note: vsixKb === null ? `packaging failed: ${pack.output.replace(/\s+/g, ' ').slice(-300)}` : undefined,
      });
    } finally {
      ctx.log('startup: npm run build (back to the dev build)');
      run('npm', ['run', 'build'], ctx.root);
    }
    return rows;
  },
};
