/**
 * Turns one path into letter text, or into a per-file problem the CLI reports and skips.
 * Never throws: every failure (missing file, FIFO, binary, too big, bad PDF) becomes a
 * `problem` so one bad file cannot stop the others from being linted. File reads are
 * synchronous on purpose: each runs on a worker thread already, and the promise API's
 * thread-pool round trips made a 10,000-file run several times slower.
 */
import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from 'fs';
import { extractPdf, PdfExtractionError } from '../pdf/api';
import { looksLikeLetter } from './sniff';
import { formatBytes } from '../fileSize';

/** How a path reached us: named on the command line, or found while walking a folder. */
export type Origin = 'explicit' | 'walked';

export type ProblemKind = 'missing' | 'unreadable' | 'notFile' | 'binary' | 'tooBig' | 'pdf' | 'encoding' | 'symlinkLoop';

export interface FileProblem {
  kind: ProblemKind;
  /** `error`: the file was not linted (exit code 2). `warning`: linted or harmless, said anyway. */
  severity: 'error' | 'warning';
  message: string;
}

export type Input =
  | { kind: 'text'; text: string; problems: FileProblem[]; /** PDFs: 1-based page of each line. */ pageOfLine?: number[] }
  | { kind: 'problem'; problem: FileProblem }
  /** A walked `.txt` whose first line is not a letter's: silently not a letter. */
  | { kind: 'notLetter' };

export interface ReadOptions {
  /** Files larger than this many bytes are reported and skipped. */
  maxSize: number;
}

/** Bytes looked at for NUL (binary) and, for walked `.txt` files, for the first line. */
const SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true });
// WHATWG maps "latin1" to windows-1252, which is what letters saved by Windows tools use.
const latin1 = new TextDecoder('latin1');

export async function readInput(path: string, origin: Origin, options: ReadOptions): Promise<Input> {
  const isPdf = /\.pdf$/i.test(path);
  // Walked .txt files must look like a letter; .imr, .pdf and named files are always letters.
  const mustSniff = origin === 'walked' && /\.txt$/i.test(path);
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    return problemFromError(e);
  }
  if (!st.isFile()) {
    return problem('notFile', `not a regular file (${describeType(st)}); skipped`);
  }
  if (st.size > options.maxSize) {
    if (mustSniff && !headLooksLikeLetter(path)) return { kind: 'notLetter' };
    return problem('tooBig', `file is ${formatBytes(st.size)}, over the --max-size limit of ${formatBytes(options.maxSize)}; skipped`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return problemFromError(e);
  }
  if (isPdf) return readPdf(bytes);
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    // Windows tools save "Unicode" text as UTF-16 with a byte order mark (full of NUL bytes, yet text).
    const text = new TextDecoder(utf16).decode(bytes);
    if (mustSniff && !looksLikeLetter(text.slice(0, SNIFF_BYTES))) return { kind: 'notLetter' };
    return { kind: 'text', text, problems: [] };
  }
  if (hasNul(bytes)) {
    if (mustSniff) return { kind: 'notLetter' };
    return problem('binary', 'binary file (NUL bytes in the first 8 KB); skipped');
  }
  const problems: FileProblem[] = [];
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = latin1.decode(bytes);
    problems.push({ kind: 'encoding', severity: 'warning', message: 'not valid UTF-8; read as Latin-1 (Windows-1252) instead' });
  }
  if (mustSniff && !looksLikeLetter(text.slice(0, SNIFF_BYTES))) return { kind: 'notLetter' };
  return { kind: 'text', text, problems };
}

/** PDFs go through the shared extractor; its failures are reported per file. */
async function readPdf(bytes: Buffer): Promise<Input> {
  try {
    const { text, pageOfLine } = await extractPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { kind: 'text', text, problems: [], pageOfLine };
  } catch (e) {
    const why = e instanceof PdfExtractionError ? `${e.reason}: ${e.message}` : String((e as Error)?.message ?? e);
    return problem('pdf', `cannot extract text from PDF (${why}); skipped`);
  }
}

function headLooksLikeLetter(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const bytesRead = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    const head = buf.subarray(0, bytesRead);
    return !hasNul(head) && looksLikeLetter(latin1.decode(head));
  } catch {
    return true; // Unsure: let the caller report the file rather than hide it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The UTF-16 flavour announced by a byte order mark, if any. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function hasNul(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function problem(kind: ProblemKind, message: string): Input {
  return { kind: 'problem', problem: { kind, severity: 'error', message } };
}

/** A failed stat or read as the problem reported for the file (exported for its test: tests run as root, where chmod 000 does not stop a read). */
export function problemFromError(e: unknown): Input {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    return problem('missing', 'cannot read: no such file (or a dangling symlink); skipped');
  }
  if (code === 'ELOOP') return problem('symlinkLoop', 'cannot read: symlink loop; skipped');
  const what = code ? (READ_ERRORS[code] ? `${READ_ERRORS[code]} (${code})` : code) : ((e as Error)?.message ?? String(e));
  return problem('unreadable', `cannot read: ${what}; skipped`);
}

/** Plain words for the read errors a user can do something about; others print their code. */
const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EISDIR: 'is a folder',
  EMFILE: 'too many open files',
};

function describeType(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'special file';
}

