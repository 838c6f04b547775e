/** Running child processes for the e2e test: fail loudly with their output when they fail. */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Runs a command to completion; throws with its output tail if it exits non-zero. */
export function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error) throw new Error(`${cmd} ${args.join(' ')} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}:\n${out.slice(-4000)}`);
  return String(r.stdout ?? '');
}

/** Runs a command in the background, resolving when it exits (used for slow steps like npm). */
export function runAsync(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('error', (e) => reject(new Error(`${cmd} could not start: ${e.message}`)));
    child.on('exit', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.slice(-4000)}`))));
  });
}

/** Pids of the running processes whose arguments match `wanted` (read from /proc). */
export function pidsWhere(wanted: (args: string[]) => boolean): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (wanted(args)) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}
