/**
 * code-server (VS Code's own workbench and extension host, served to a browser): install it
 * from the cache, install the packaged extension into a fresh profile, start it on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CACHE, INSTALL_SCRIPT } from './paths';
import { run } from './processes';

export interface Profile {
  /** code-server's --user-data-dir (holds User/settings.json). */
  userDataDir: string;
  /** code-server's --extensions-dir: starts empty, then holds only our extension. */
  extensionsDir: string;
  /** Keeps code-server's own config and state out of the user's home. */
  xdgDir: string;
}

/** Installs (or finds cached) code-server and returns its entry script; throws if that fails. */
export function ensureCodeServer(): string {
  const out = run('bash', [INSTALL_SCRIPT], { env: { ...process.env, IMR_E2E_CACHE: CACHE } });
  const dir = out.trim().split('\n').pop() ?? '';
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server install reported ${dir} but ${entry} is missing`);
  return entry;
}

function env(profile: Profile): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: join(profile.xdgDir, 'config'), XDG_DATA_HOME: join(profile.xdgDir, 'data') };
}

/** Installs a .vsix into the profile's extensions dir; returns code-server's output. */
export function installExtension(entry: string, profile: Profile, vsix: string): string {
  mkdirSync(profile.extensionsDir, { recursive: true });
  return run(process.execPath, [entry, '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir, '--install-extension', vsix, '--force'], { env: env(profile) });
}

/** Lists the extensions installed in the profile (id@version per line). */
export function listExtensions(entry: string, profile: Profile): string[] {
  const out = run(process.execPath, [entry, '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir, '--list-extensions', '--show-versions'], { env: env(profile) });
  return out.split('\n').map((l) => l.trim()).filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts code-server on a free loopback port and resolves once it says it is listening. */
export async function startCodeServer(entry: string, profile: Profile, timeoutMs = 120_000): Promise<RunningCodeServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'],
    { env: env(profile), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not start listening within ${timeoutMs} ms:\n${log.slice(-4000)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      log += String(d);
      if (log.includes('HTTP server listening on')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(new Error(`code-server could not start: ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`code-server exited with ${code} before listening:\n${log.slice(-4000)}`));
    });
  }).catch(async (e) => {
    await stop();
    throw e;
  });
  return { url: `http://127.0.0.1:${port}/`, output: () => log, stop };
}
