/**
 * The workspace index: a small summary of every letter file under the workspace folders
 * (`*.imr`, letter-like `*.txt`, `*.pdf` through the PDF extractor), kept up to date file
 * by file. Holds summaries and symbol entries, never whole models, so 10,000 letters fit.
 * Usable from plain Node (no LSP connection): the server, tests and the bench drive it.
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Diagnostic, SymbolInformation } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../languageService/model';
import { parseDocument } from '../languageService/parser/parseDocument';
import { splitLines } from '../languageService/text/lines';
import { computeDiagnostics, type RuleSettings } from '../languageService/features/diagnostics';
import { symbolEntries, findWorkspaceSymbols, type SymbolEntry } from '../languageService/features/workspaceSymbols';
import { summarizeDocument } from '../summaries';
import { sameSummaries } from '../sameSummaries';
import type { LetterSummary } from '../protocol';
import type { IndexFileSystem } from './fileSystem';
import { runInBatches } from '../workers/batchPool';
import { LETTER_FIRST_LINE } from '../languageService/text/firstLine';
import { DEFAULT_MAX_SIZE, formatBytes } from '../fileSize';

export interface IndexedFile {
  uri: string;
  letters: LetterSummary[];
  symbols: SymbolEntry[];
  /** True while an open editor's text overrides the file on disk. */
  open: boolean;
}

export interface WorkspaceIndexOptions {
  fs: IndexFileSystem;
  /** Text of a PDF's bytes; throws (e.g. PdfExtractionError) when it cannot. Without it, PDFs are skipped. */
  extractPdf?: (bytes: Uint8Array) => Promise<LetterText>;
  log?: (message: string) => void;
  rules?: () => RuleSettings;
  /** Files indexed between two yields to the event loop. */
  chunkSize?: number;
  /** Files larger than this many bytes are skipped unread (default: the CLI's --max-size default, 50 MB). */
  maxFileSize?: number;
  /**
   * Worker threads (dist/index-worker.js, see indexWorker.ts) for a rebuild's PDFs (when
   * `extractPdf` is given; the workers use the same extractor, server/src/pdf/api.ts) and for
   * many text letters; without it, everything is indexed on this thread.
   */
  workers?: { path: string; jobs: number };
}

/** Below this many text letters, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 200;

/** What every index worker is started with. */
export interface IndexWorkerData {
  rules: RuleSettings;
  maxFileSize: number;
}

/** What a worker sends back for one file: its summary, or that it is no letter (or unreadable). */
export type IndexResult = { letters: LetterSummary[]; symbols: SymbolEntry[] } | { skipped: string | null };

export interface ScanProgress {
  filesIndexed: number;
  filesTotal: number;
  /** URIs indexed in the last chunk. */
  uris: string[];
}

/** The index entry of one letter file's text: per-letter summaries and workspace symbols. */
export function analyseLetterFile(uri: string, text: string, rules: RuleSettings, pageOfLine?: readonly number[]): { letters: LetterSummary[]; symbols: SymbolEntry[] } {
  const lines = splitLines(text); // split once for the parse and the rules
  const parsed = parseDocument(text, lines);
  return { letters: summarizeDocument(uri, parsed, computeDiagnostics(parsed, rules, lines), pageOfLine), symbols: symbolEntries(parsed) };
}

/** Why a file of `size` bytes is left out of the index (a log line naming it), or null when it is not too big. */
export function oversizeSkip(path: string, size: number, maxSize: number): string | null {
  return size > maxSize ? `Skipping ${path}: ${formatBytes(size)} is over the workspace index's size limit of ${formatBytes(maxSize)}` : null;
}

/** A letter file's text, and for a PDF the 1-based page of each line (so items can say their page). */
export interface LetterText {
  text: string;
  pageOfLine?: number[];
}

/** How a letter file is read: on this thread through the index's file system, or by a worker. */
export interface LetterFileIo {
  fileSize(path: string): number | Promise<number>;
  readFile(path: string): Uint8Array | Promise<Uint8Array>;
  /** Without it, PDFs are skipped unread. */
  extractPdf?: (bytes: Uint8Array) => Promise<LetterText>;
}

/**
 * A letter file's text, or null with what to log (nothing for a .txt that is no letter): over
 * the size limit (checked before any read), unreadable, or a PDF that cannot be extracted.
 * Shared by the index and its worker threads.
 */
export async function readLetterFile(path: string, kind: LetterFileKind, io: LetterFileIo, maxSize: number): Promise<{ read: LetterText | null; skipped?: string }> {
  try {
    const tooBig = oversizeSkip(path, await io.fileSize(path), maxSize);
    if (tooBig) return { read: null, skipped: tooBig };
    if (kind === 'pdf' && !io.extractPdf) return { read: null };
    const bytes = await io.readFile(path);
    if (kind !== 'pdf') {
      const text = decodeTextLetter(kind, bytes);
      return { read: text === null ? null : { text } };
    }
    try {
      const { text, pageOfLine } = await io.extractPdf!(bytes);
      return { read: { text, pageOfLine } };
    } catch (e) {
      return { read: null, skipped: `Skipping PDF ${path}: ${(e as Error).message}` };
    }
  } catch (e) {
    return { read: null, skipped: `Cannot read ${path}: ${(e as Error).message}` };
  }
}

/** A text letter file's bytes as text, or null when a .txt does not start like a letter. */
export function decodeTextLetter(kind: LetterFileKind, bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  return kind === 'txt' && !looksLikeLetter(text) ? null : text;
}

export function looksLikeLetter(text: string): boolean {
  const head = text.length > 4000 ? text.slice(0, 4000) : text;
  for (const line of head.split(/\r\n|\r|\n/)) {
    if (line.replace(/[\s\ufeff\f]/g, '') === '') continue;
    return LETTER_FIRST_LINE.test(line);
  }
  return false;
}

export type LetterFileKind = 'imr' | 'txt' | 'pdf';

export function letterFileKind(name: string): LetterFileKind | null {
  const m = /\.(imr|txt|pdf)$/i.exec(name);
  return m ? (m[1].toLowerCase() as LetterFileKind) : null;
}

/** Folders never scanned: dependencies and dot-folders (.git, .vscode ...). */
export function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}

export function pathOf(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

/**
 * The chunks a rebuild reads on this thread between two yields to the event loop: up to
 * `size` text letters, but a PDF alone (extracting one takes long; without workers,
 * requests get their turn between two PDFs).
 */
export function chunkPaths(paths: readonly string[], size: number): string[][] {
  const chunks: string[][] = [];
  let text: string[] = [];
  for (const path of paths) {
    if (letterFileKind(path) === 'pdf') {
      if (text.length) chunks.push(text);
      text = [];
      chunks.push([path]);
    } else {
      text.push(path);
      if (text.length >= size) {
        chunks.push(text);
        text = [];
      }
    }
  }
  if (text.length) chunks.push(text);
  return chunks;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private roots: string[] = [];
  /** Bumped on every rebuild, so a scan that was overtaken stops. */
  private generation = 0;
  private readonly opts: Required<Pick<WorkspaceIndexOptions, 'chunkSize' | 'maxFileSize'>> & WorkspaceIndexOptions;
  indexing = false;
  filesTotal = 0;
  filesIndexed = 0;
  /** Of those, how many worker threads read (the last rebuild). */
  filesIndexedOnWorkers = 0;

  constructor(options: WorkspaceIndexOptions) {
    this.opts = { chunkSize: 20, maxFileSize: DEFAULT_MAX_SIZE, ...options };
  }

  get letterCount(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.letters.length;
    return n;
  }

  get fileCount(): number {
    return this.files.size;
  }

  letters(): LetterSummary[] {
    const out: LetterSummary[] = [];
    // A loop, not push(...letters): a spread of a bulk file's 150,000 letters overflows the stack.
    for (const f of this.files.values()) for (const letter of f.letters) out.push(letter);
    return out;
  }

  file(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  symbols(query: string, isCancelled?: () => boolean): SymbolInformation[] {
    return findWorkspaceSymbols(this.files.values(), query, isCancelled);
  }

  /** Lists letter candidates under the roots (no reading of contents). */
  async listFiles(roots: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    const stack = [...roots];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = await this.opts.fs.readDirectory(dir);
      } catch (e) {
        this.opts.log?.(`Cannot read folder ${dir}: ${(e as Error).message}`);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const path = this.opts.fs.join(dir, e.name);
        if (e.isDirectory) {
          if (!skipFolder(e.name)) stack.push(path);
        } else if (e.isFile && letterFileKind(e.name)) out.push(path);
      }
    }
    return out.sort();
  }

  /**
   * Drops everything and indexes the roots, in chunks that yield to the event loop.
   * `onProgress` is called after each chunk. Resolves false when a newer scan overtook it.
   */
  async rebuild(roots: readonly string[], onProgress?: (p: ScanProgress) => void, isCancelled: () => boolean = () => false): Promise<boolean> {
    const generation = ++this.generation;
    this.roots = [...roots];
    // Open documents keep their editor text.
    for (const [uri, f] of this.files) if (!f.open) this.files.delete(uri);
    this.indexing = true;
    this.filesIndexed = 0;
    this.filesIndexedOnWorkers = 0;
    const paths = await this.listFiles(roots);
    this.filesTotal = paths.length;
    const stale = () => generation !== this.generation || isCancelled();
    try {
      let rest = paths;
      const { workers } = this.opts;
      if (workers) {
        // PDFs always go to the workers when the index reads PDFs at all: extracting one takes
        // long enough to hold up requests on this thread. Text letters only when there are
        // enough of them to pay for starting the workers.
        const textLetters = paths.filter((p) => letterFileKind(p) !== 'pdf');
        const onWorkers = [
          ...(this.opts.extractPdf ? paths.filter((p) => letterFileKind(p) === 'pdf') : []),
          ...(workers.jobs > 1 && textLetters.length >= MIN_FILES_FOR_WORKERS ? textLetters : []),
        ];
        if (onWorkers.length) {
          const left = await this.indexOnWorkers(onWorkers, workers, stale, onProgress);
          if (stale()) return false;
          const sent = new Set(onWorkers);
          rest = [...left, ...paths.filter((p) => !sent.has(p))];
        }
      }
      for (const chunk of chunkPaths(rest, this.opts.chunkSize)) {
        if (stale()) return false;
        const uris = chunk.map(uriOf);
        // The chunk's files are read concurrently (the reads overlap), then analysed one by one.
        const texts = await Promise.all(chunk.map((path, k) => (this.files.get(uris[k])?.open ? undefined : this.readLetterText(path))));
        chunk.forEach((path, k) => {
          const text = texts[k];
          if (text !== undefined && generation === this.generation) this.storeRead(path, text);
        });
        this.filesIndexed = Math.min(paths.length, this.filesIndexed + chunk.length);
        onProgress?.({ filesIndexed: this.filesIndexed, filesTotal: paths.length, uris });
        await yieldToEventLoop();
      }
      return generation === this.generation;
    } finally {
      if (generation === this.generation) this.indexing = false;
    }
  }

  /** Indexes text letters on worker threads; resolves with the paths no worker finished. */
  private async indexOnWorkers(paths: string[], workers: { path: string; jobs: number }, stale: () => boolean, onProgress?: (p: ScanProgress) => void): Promise<string[]> {
    let uris: string[] = [];
    const left = await runInBatches<string, IndexResult>(paths, { jobs: workers.jobs, workerPath: workers.path, workerData: { rules: this.opts.rules?.() ?? {}, maxFileSize: this.opts.maxFileSize } satisfies IndexWorkerData, isCancelled: stale }, (i, result) => {
      if (stale()) return;
      const uri = uriOf(paths[i]);
      if (this.files.get(uri)?.open) {
        // Opened in an editor meanwhile: its text wins.
      } else if ('letters' in result) this.files.set(uri, { uri, letters: result.letters, symbols: result.symbols, open: false });
      else {
        if (result.skipped) this.opts.log?.(result.skipped);
        this.remove(uri);
      }
      uris.push(uri);
      this.filesIndexed++;
      this.filesIndexedOnWorkers++;
      if (uris.length >= this.opts.chunkSize * 4) {
        onProgress?.({ filesIndexed: this.filesIndexed, filesTotal: this.filesTotal, uris });
        uris = [];
      }
    });
    if (uris.length) onProgress?.({ filesIndexed: this.filesIndexed, filesTotal: this.filesTotal, uris });
    return left.map((i) => paths[i]);
  }

  /** Whether a path lies under one of the indexed roots (watchers report more). */
  isUnderRoots(path: string): boolean {
    return this.roots.some((r) => path === r || path.startsWith(r.endsWith('/') || r.endsWith('\\') ? r : r + (r.includes('\\') ? '\\' : '/')));
  }

  /** (Re-)indexes one file from disk; returns true when the index changed. */
  async indexPath(path: string): Promise<boolean> {
    if (this.files.get(uriOf(path))?.open) return false;
    const text = await this.readLetterText(path);
    return text === undefined ? false : this.storeRead(path, text);
  }

  /**
   * A letter file's text: `undefined` when the path is no letter file kind, `null` when it
   * cannot be read or is no letter (a .txt that does not start like one, a broken PDF).
   */
  private async readLetterText(path: string): Promise<LetterText | null | undefined> {
    const kind = letterFileKind(path);
    if (!kind) return undefined;
    const { read, skipped } = await readLetterFile(path, kind, { fileSize: (p) => this.opts.fs.fileSize(p), readFile: (p) => this.opts.fs.readFile(p), extractPdf: this.opts.extractPdf }, this.opts.maxFileSize);
    if (skipped) this.opts.log?.(skipped);
    return read;
  }

  /** Stores what `readLetterText` read (or drops the file when it read nothing); true when the index changed. */
  private storeRead(path: string, read: LetterText | null): boolean {
    const uri = uriOf(path);
    if (this.files.get(uri)?.open) return false; // opened in an editor while it was being read
    if (read === null) return this.remove(uri);
    return this.store(uri, read.text, false, read.pageOfLine);
  }

  /** A file was deleted on disk. */
  remove(uri: string): boolean {
    const f = this.files.get(uri);
    if (!f || f.open) return false;
    this.files.delete(uri);
    return true;
  }

  /**
   * An open editor's text overrides the disk (called on open and, debounced, on edits).
   * True when the file's letter summaries changed.
   */
  setOpenText(uri: string, text: string): boolean {
    return this.store(uri, text, true);
  }

  /**
   * The same from an analysis the caller already has (the server's per-version cache), so an
   * open letter is not parsed a second time for the index.
   */
  setOpenAnalysis(uri: string, parsed: ParsedDocument, diagnostics: Diagnostic[]): boolean {
    return this.record(uri, parsed, diagnostics, true);
  }

  /** The editor closed: fall back to the file on disk (or drop it when it has none). */
  async closeDocument(uri: string): Promise<void> {
    const f = this.files.get(uri);
    if (f) f.open = false;
    const path = pathOf(uri);
    if (path && this.isUnderRoots(path)) {
      // Not indexPath's "changed": the disk often holds what the editor had (no edit, or saved).
      // storeRead leaves a file opened again meanwhile alone, and drops one that is no letter now.
      const text = await this.readLetterText(path);
      if (text !== undefined) this.storeRead(path, text);
      else if (!this.files.get(uri)?.open) this.files.delete(uri);
    } else this.files.delete(uri);
  }

  private store(uri: string, text: string, open: boolean, pageOfLine?: readonly number[]): boolean {
    return this.put({ uri, ...analyseLetterFile(uri, text, this.opts.rules?.() ?? {}, pageOfLine), open });
  }

  private record(uri: string, parsed: ParsedDocument, diagnostics: Diagnostic[], open: boolean): boolean {
    return this.put({ uri, letters: summarizeDocument(uri, parsed, diagnostics), symbols: symbolEntries(parsed), open });
  }

  /**
   * Stores a file's entry; true when it is new, was opened or closed, or its letter summaries
   * differ from the ones stored. Most edits change no summary (only words inside a rationale),
   * and every change notice makes the client fetch the whole workspace's letters, so edits
   * that change nothing stay quiet.
   */
  private put(file: IndexedFile): boolean {
    const before = this.files.get(file.uri);
    this.files.set(file.uri, file);
    return !before || before.open !== file.open || !sameSummaries(before.letters, file.letters);
  }
}
