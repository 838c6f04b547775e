/**
 * A workspace rebuild on worker threads (dist/index-worker.js) must give the same index as
 * the same rebuild on the main thread: the same files, letters, items, counts and symbols.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WorkspaceIndex, MIN_FILES_FOR_WORKERS, uriOf, type ScanProgress } from '../../server/src/workspace/workspaceIndex';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';
import { fixtureNames, readFixture } from '../helpers/fixtures';
import { readSeed, seedNames } from '../helpers/seeds';
import { writeLetterPdf } from '../helpers/pdfWriter';
import { FIXTURES } from '../pdf/letters';
import { extractPdf } from '../../server/src/pdf/api';

const WORKER = resolve(__dirname, '..', '..', 'dist', 'index-worker.js');
const root = mkdtempSync(join(tmpdir(), 'imr-index-workers-'));
after(() => rmSync(root, { recursive: true, force: true }));

function writeWorkspace(): number {
  const letters = [...seedNames().map((n) => readSeed(n.slice(0, 3))), ...fixtureNames().map(readFixture)];
  let n = 0;
  for (let i = 0; n < MIN_FILES_FOR_WORKERS + 50; i++) {
    const dir = join(root, `batch-${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const text = letters[i % letters.length];
    writeFileSync(join(dir, `letter-${i}.${i % 3 === 0 ? 'imr' : 'txt'}`), text);
    n++;
  }
  writeFileSync(join(root, 'notes.txt'), 'Not a letter at all\n');
  writeFileSync(join(root, 'unreadable.imr'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  return n;
}

/** Order-free comparison: the two rebuilds finish files in different orders. */
const sorted = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort();

test('a rebuild on worker threads gives the same index as one on the main thread', async () => {
  assert.ok(existsSync(WORKER), `${WORKER} is built (npm run build)`);
  const files = writeWorkspace();
  const onThread = new WorkspaceIndex({ fs: nodeFileSystem });
  const onWorkers = new WorkspaceIndex({ fs: nodeFileSystem, workers: { path: WORKER, jobs: 2 } });
  const progress: ScanProgress[] = [];
  assert.equal(await onThread.rebuild([root]), true);
  assert.equal(await onWorkers.rebuild([root], (p) => progress.push(p)), true);

  assert.ok(onThread.letterCount > files, 'some files hold several letters');
  assert.equal(onThread.filesIndexedOnWorkers, 0);
  assert.equal(onWorkers.filesIndexedOnWorkers, files + 2, 'the workers read every text file (letters, the note, the unreadable one)');
  assert.ok(onThread.symbols('CM').length > 0, 'case numbers are symbols');
  assert.deepEqual(sorted(onWorkers.letters()), sorted(onThread.letters()));
  // Every file's entry (its symbols included); a symbol query is capped, so compare the entries.
  const uris = [...new Set(onThread.letters().map((l) => l.uri))];
  assert.deepEqual(uris.map((u) => onWorkers.file(u)), uris.map((u) => onThread.file(u)));
  assert.equal(onWorkers.fileCount, onThread.fileCount);
  // Progress came in steps and ended with every file counted.
  assert.ok(progress.length > 1);
  assert.equal(progress.at(-1)!.filesIndexed, progress.at(-1)!.filesTotal);
  assert.equal(onWorkers.indexing, false);
});

test('on worker threads too, a file over the size cap is skipped with a log line naming it', async () => {
  const files = writeWorkspace();
  const big = join(root, 'big.imr');
  writeFileSync(big, readSeed('000') + '\n'.repeat(2 * 1024 * 1024));
  try {
    const logs: string[] = [];
    const index = new WorkspaceIndex({ fs: nodeFileSystem, log: (m) => logs.push(m), maxFileSize: 1024 * 1024, workers: { path: WORKER, jobs: 2 } });
    assert.equal(await index.rebuild([root]), true);
    assert.equal(index.filesIndexedOnWorkers, files + 3, 'the workers had every text file, the big one too');
    assert.equal(index.file(uriOf(big)), undefined);
    assert.ok(logs.some((m) => m.startsWith(`Skipping ${big}: 2.0 MB is over`)), JSON.stringify(logs));
  } finally {
    rmSync(big);
  }
});

test('PDFs are extracted on the worker threads, never on the main thread, with the same result', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'imr-index-pdf-workers-'));
  try {
    writeFileSync(join(ws, 'a.pdf'), await writeLetterPdf(FIXTURES[0].text, { header: FIXTURES[0].header }));
    writeFileSync(join(ws, 'b.pdf'), await writeLetterPdf(FIXTURES[1].text, { header: FIXTURES[1].header, linesPerPage: 18 }));
    writeFileSync(join(ws, 'broken.pdf'), '%PDF-1.4 not really');
    writeFileSync(join(ws, 'c.imr'), readSeed('000'));
    const onThread = new WorkspaceIndex({ fs: nodeFileSystem, extractPdf });
    assert.equal(await onThread.rebuild([ws]), true);
    let onMain = 0;
    const logs: string[] = [];
    const onWorkers = new WorkspaceIndex({ fs: nodeFileSystem, extractPdf: (b) => (onMain++, extractPdf(b)), log: (m) => logs.push(m), workers: { path: WORKER, jobs: 2 } });
    assert.equal(await onWorkers.rebuild([ws]), true);
    assert.equal(onMain, 0, 'no PDF was extracted on the main thread');
    assert.equal(onWorkers.filesIndexedOnWorkers, 3, 'the three PDFs went to the workers (a single text letter stays on the main thread)');
    assert.ok(logs.some((m) => m.startsWith(`Skipping PDF ${join(ws, 'broken.pdf')}: `)), JSON.stringify(logs));
    assert.equal(onThread.letterCount, 3);
    assert.deepEqual(sorted(onWorkers.letters()), sorted(onThread.letters()));
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
