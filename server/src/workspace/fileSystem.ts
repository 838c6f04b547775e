/** The file-system view the workspace index needs: small, so tests and the bench can fake it. */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

export interface DirEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

export interface IndexFileSystem {
  readDirectory(path: string): Promise<DirEntry[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** Size in bytes, asked before a read so that an oversized file is never read. */
  fileSize(path: string): Promise<number>;
  join(dir: string, name: string): string;
}

export const nodeFileSystem: IndexFileSystem = {
  async readDirectory(path) {
    const entries = await fs.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() }));
  },
  async readFile(path) {
    return fs.readFile(path);
  },
  async fileSize(path) {
    return (await fs.stat(path)).size;
  },
  join,
};

/** An in-memory file system over a map of absolute POSIX paths to contents. */
export function memoryFileSystem(files: Map<string, string | Uint8Array>): IndexFileSystem {
  return {
    async readDirectory(path) {
      const prefix = path.endsWith('/') ? path : path + '/';
      const seen = new Map<string, DirEntry>();
      for (const p of files.keys()) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        const name = slash < 0 ? rest : rest.slice(0, slash);
        if (!seen.has(name)) seen.set(name, { name, isDirectory: slash >= 0, isFile: slash < 0 });
      }
      if (seen.size === 0 && ![...files.keys()].some((p) => p.startsWith(prefix))) throw new Error(`ENOENT: ${path}`);
      return [...seen.values()];
    },
    async readFile(path) {
      const v = files.get(path);
      if (v === undefined) throw new Error(`ENOENT: ${path}`);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    async fileSize(path) {
      const v = files.get(path);
      if (v === undefined) throw new Error(`ENOENT: ${path}`);
      return typeof v === 'string' ? new TextEncoder().encode(v).length : v.length;
    },
    join: (dir, name) => (dir.endsWith('/') ? dir + name : dir + '/' + name),
  };
}
