/**
 * Turns the command line's paths into the list of files to lint, sorted by path.
 *
 * - Named files are always linted (whatever their extension).
 * - Folders are walked for `*.imr`, `*.pdf` and `*.txt` (the `.txt` ones are kept only when
 *   their first line looks like a letter; `readInput` decides that when it reads them).
 * - `node_modules` and dot-folders are skipped.
 * - Symlinks to files are followed. Symlinks to folders are followed only when the target
 *   lies inside the folder being walked; a folder is never walked twice (real paths are
 *   tracked), and a link back to one of its own ancestors is reported as a symlink loop.
 */
import { readdirSync, realpathSync, statSync } from 'fs';
import { join, relative, isAbsolute, sep } from 'path';
import type { FileProblem, Origin } from './readInput';

export interface Candidate {
  path: string;
  origin: Origin;
}

export interface WalkNotice {
  path: string;
  problem: FileProblem;
}

export interface WalkResult {
  files: Candidate[];
  /** Paths that could not be walked or were skipped for a reason worth saying. */
  notices: WalkNotice[];
}

const LETTER_EXTENSIONS = /\.(imr|pdf|txt)$/i;

export async function collectFiles(paths: string[]): Promise<WalkResult> {
  const files: Candidate[] = [];
  const notices: WalkNotice[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  // `real`: the file's real path when the caller knows it (saves a syscall per file).
  const addFile = (path: string, origin: Origin, real = realOrSelf(path)): void => {
    if (seenFiles.has(real)) return; // reached twice (a link and its target): lint once
    seenFiles.add(real);
    files.push({ path, origin });
  };

  const walk = (dir: string, realDir: string, root: string, ancestors: string[]): void => {
    seenDirs.add(realDir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      notices.push({ path: dir, problem: { kind: 'unreadable', severity: 'error', message: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}; skipped` } });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const chain = [...ancestors, realDir];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (skippedFolder(entry.name)) continue;
        walk(path, join(realDir, entry.name), root, chain);
      } else if (entry.isSymbolicLink()) {
        followLink(path, entry.name, root, chain);
      } else if (LETTER_EXTENSIONS.test(entry.name)) {
        // Regular files, FIFOs, sockets...: readInput reports what is not a regular file.
        addFile(path, 'walked', join(realDir, entry.name));
      }
    }
  };

  const followLink = (path: string, name: string, root: string, chain: string[]): void => {
    let real: string;
    let st;
    try {
      real = realpathSync(path);
      st = statSync(real);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        notices.push({ path, problem: { kind: 'symlinkLoop', severity: 'warning', message: 'symlink loop (following the link leads back to a link already followed); skipped' } });
      } else if (LETTER_EXTENSIONS.test(name)) {
        // A dangling link with a letter's name: the letter it stood for cannot be read.
        files.push({ path, origin: 'walked' });
      }
      return;
    }
    if (st.isDirectory()) {
      if (skippedFolder(name)) return;
      if (chain.includes(real)) {
        notices.push({ path, problem: { kind: 'symlinkLoop', severity: 'warning', message: `symlink loop: links back to ${displayTarget(real, root)}; not walked again` } });
        return;
      }
      if (!inside(real, root)) {
        notices.push({ path, problem: { kind: 'unreadable', severity: 'warning', message: `symlink to a folder outside ${root}; not followed` } });
        return;
      }
      if (seenDirs.has(real)) return; // already walked under its real path
      walk(path, real, root, chain);
    } else if (LETTER_EXTENSIONS.test(name)) {
      addFile(path, 'walked', real);
    }
  };

  for (const arg of paths) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      files.push({ path: arg, origin: 'explicit' }); // readInput reports why it cannot be read
      continue;
    }
    if (st.isDirectory()) {
      const realRoot = realOrSelf(arg);
      if (seenDirs.has(realRoot)) continue;
      walk(arg, realRoot, realRoot, []);
    } else {
      addFile(arg, 'explicit');
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, notices };
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function inside(real: string, root: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function displayTarget(real: string, root: string): string {
  const rel = relative(root, real);
  return rel === '' ? 'the folder being walked' : rel;
}
