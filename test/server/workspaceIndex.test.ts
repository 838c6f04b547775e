/** The workspace index on an in-memory file system: no LSP connection, no disk. */
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import assert from 'node:assert/strict';
import { WorkspaceIndex, chunkPaths, looksLikeLetter, oversizeSkip, uriOf } from '../../server/src/workspace/workspaceIndex';
import { DEFAULT_MAX_SIZE } from '../../server/src/cli/args';
import { LETTER_FIRST_LINE } from '../../server/src/languageService/text/firstLine';
import { memoryFileSystem } from '../../server/src/workspace/fileSystem';
import { PdfExtractionError } from '../../server/src/pdf/api';
import { VALID_LETTER, broken } from '../unit/rules/letterFixture';

function makeIndex(files: Record<string, string>, extra: Partial<ConstructorParameters<typeof WorkspaceIndex>[0]> = {}) {
  const map = new Map<string, string | Uint8Array>(Object.entries(files));
  const logs: string[] = [];
  const index = new WorkspaceIndex({ fs: memoryFileSystem(map), log: (m) => logs.push(m), chunkSize: 2, ...extra });
  return { index, map, logs };
}

const SECOND = broken('CM15-0101010', 'CM16-0202020', broken('Flexeril 7.5mg #60', 'Zanaflex 4mg #30', broken('Flexeril 7.5mg #60', 'Zanaflex 4mg #30')));

test('letter detection follows the firstLine pattern', () => {
  assert.ok(looksLikeLetter('\ufeff\n\n  HOW THE IMR FINAL DETERMINATION WAS MADE\n'));
  assert.ok(looksLikeLetter('Case Number: CM16-0213037'));
  assert.ok(!looksLikeLetter('Shopping list\nHOW THE IMR FINAL DETERMINATION WAS MADE'));
  // A cover letter's letterhead, as the editor's firstLine pattern has it.
  assert.ok(looksLikeLetter('MAXIMUS Federal Services\nIndependent Medical Review\n'));
  assert.ok(looksLikeLetter('                         MAXIMUS FEDERAL SERVICES\n'));
  assert.ok(looksLikeLetter('Independent Medical Review\nMAXIMUS Federal Services\n'));
  assert.equal(LETTER_FIRST_LINE.source, new RegExp(JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8')).contributes.languages[0].firstLine).source);
});

test('scan finds .imr and letter-like .txt files, skips node_modules, dot-folders and other text', async () => {
  const { index } = makeIndex({
    '/ws/a.imr': VALID_LETTER,
    '/ws/sub/b.txt': SECOND,
    '/ws/notes.txt': 'Shopping list',
    '/ws/node_modules/x/c.imr': VALID_LETTER,
    '/ws/.git/d.imr': VALID_LETTER,
    '/ws/readme.md': VALID_LETTER,
  });
  const progress: number[] = [];
  assert.equal(await index.rebuild(['/ws'], (p) => progress.push(p.filesIndexed)), true);
  assert.deepEqual(index.letters().map((l) => l.uri).sort(), [uriOf('/ws/a.imr'), uriOf('/ws/sub/b.txt')]);
  assert.deepEqual(progress, [2, 3]); // chunks of 2 over 3 candidate files (a.imr, notes.txt, sub/b.txt)
  const b = index.letters().find((l) => l.uri.endsWith('b.txt'))!;
  assert.equal(b.caseNumber, 'CM16-0202020');
  assert.deepEqual(b.items.map((i) => [i.title, i.outcome]), [['Norco 10/325mg #90', 'Upheld'], ['Zanaflex 4mg #30', 'Overturned']]);
});

test('workspace symbols find items, generic treatments and case numbers in files that are not open', async () => {
  const { index } = makeIndex({ '/ws/a.imr': VALID_LETTER, '/ws/b.imr': SECOND });
  await index.rebuild(['/ws']);
  const names = (q: string) => index.symbols(q).map((s) => `${s.name} @ ${s.location.uri.split('/').pop()}`);
  assert.deepEqual(names('zanaflex'), ['Zanaflex 4mg #30: Overturned @ b.imr', 'tizanidine (Zanaflex) @ b.imr']);
  assert.deepEqual(names('CM16'), ['CM16-0202020 @ b.imr']);
  assert.ok(names('cyclobenzaprine').some((n) => n.endsWith('@ a.imr')));
  assert.equal(index.symbols('Norco').length, 4); // the item and its generic, in both files
  assert.equal(index.symbols('Norco 10').length, 2);
});

test('file changes re-index only that file; open documents override the disk', async () => {
  const { index, map } = makeIndex({ '/ws/a.imr': VALID_LETTER });
  await index.rebuild(['/ws']);
  map.set('/ws/a.imr', SECOND);
  assert.equal(await index.indexPath('/ws/a.imr'), true);
  assert.equal(index.letters()[0].caseNumber, 'CM16-0202020');

  const uri = uriOf('/ws/a.imr');
  const brokenText = broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90:');
  assert.equal(index.setOpenText(uri, brokenText), true, 'opened, with a new error');
  assert.equal(index.letters()[0].errorCount, 1);
  // The same summary again (an edit inside a rationale, say) is no change worth a notice.
  assert.equal(index.setOpenText(uri, brokenText), false);
  // A disk change while open does not override the editor's text.
  assert.equal(await index.indexPath('/ws/a.imr'), false);
  assert.equal(index.letters()[0].errorCount, 1);
  await index.closeDocument(uri);
  assert.equal(index.letters()[0].caseNumber, 'CM16-0202020');
  assert.equal(index.letters()[0].errorCount, 0);

  map.delete('/ws/a.imr');
  assert.equal(index.remove(uri), true);
  assert.deepEqual(index.letters(), []);
});

test('files over the size cap are skipped unread, with a log line naming them (default: the CLI\'s --max-size default)', async () => {
  assert.equal(oversizeSkip('/ws/big.imr', DEFAULT_MAX_SIZE, DEFAULT_MAX_SIZE), null);
  assert.match(oversizeSkip('/ws/big.imr', DEFAULT_MAX_SIZE + 1, DEFAULT_MAX_SIZE)!, /^Skipping \/ws\/big\.imr: 50\.0 MB is over .*size limit of 50\.0 MB/);
  const big = VALID_LETTER + '\n'.repeat(200);
  const fs = memoryFileSystem(new Map(Object.entries({ '/ws/a.imr': VALID_LETTER, '/ws/big.imr': big, '/ws/big.txt': big, '/ws/big.pdf': big })));
  // A file system that records every read: an oversized file must never be read.
  const read: string[] = [];
  const logs: string[] = [];
  const index = new WorkspaceIndex({ fs: { ...fs, readFile: (p) => (read.push(p), fs.readFile(p)) }, log: (m) => logs.push(m), maxFileSize: VALID_LETTER.length + 100 });
  await index.rebuild(['/ws']);
  assert.deepEqual(index.letters().map((l) => l.uri), [uriOf('/ws/a.imr')]);
  assert.deepEqual(read, ['/ws/a.imr']);
  for (const name of ['big.imr', 'big.txt', 'big.pdf']) assert.ok(logs.some((m) => m.startsWith(`Skipping /ws/${name}: `) && /size limit/.test(m)), `${name}: ${JSON.stringify(logs)}`);
  // One file at a time (a watcher's change) too.
  assert.equal(await index.indexPath('/ws/big.imr'), false);
  assert.deepEqual(read, ['/ws/a.imr']);
});

test('without workers, a rebuild extracts one PDF per chunk (a yield to the event loop between two PDFs)', () => {
  assert.deepEqual(chunkPaths(['a.imr', 'b.pdf', 'c.PDF', 'd.txt', 'e.imr', 'f.imr', 'g.pdf', 'h.imr'], 2), [['a.imr'], ['b.pdf'], ['c.PDF'], ['d.txt', 'e.imr'], ['f.imr'], ['g.pdf'], ['h.imr']]);
  assert.deepEqual(chunkPaths(['a.imr', 'b.imr', 'c.imr'], 20), [['a.imr', 'b.imr', 'c.imr']]);
  assert.deepEqual(chunkPaths([], 20), []);
});

test('PDFs go through the extractor; an extraction error skips the file with a log line', async () => {
  const failing = makeIndex({ '/ws/a.pdf': '%PDF-1.4' }, { extractPdf: async () => { throw new PdfExtractionError('unsupported', 'no PDF engine'); } });
  await failing.index.rebuild(['/ws']);
  assert.deepEqual(failing.index.letters(), []);
  assert.ok(failing.logs.some((l) => l.includes('a.pdf') && l.includes('no PDF engine')));
  const working = makeIndex({ '/ws/a.pdf': '%PDF-1.4' }, { extractPdf: async () => ({ text: VALID_LETTER }) });
  await working.index.rebuild(['/ws']);
  assert.equal(working.index.letters()[0].items.length, 2);
});

test('a newer rebuild overtakes an older one, and requests can run between chunks', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`/ws/l${String(i).padStart(2, '0')}.imr`] = VALID_LETTER;
  const { index } = makeIndex(files);
  let firstChunkSeen!: () => void;
  const firstChunk = new Promise<void>((r) => (firstChunkSeen = r));
  const first = index.rebuild(['/ws'], () => firstChunkSeen());
  await firstChunk;
  // Between chunks the index answers with what it has so far.
  assert.ok(index.letters().length >= 2 && index.letters().length < 20);
  assert.equal(index.indexing, true);
  const second = index.rebuild(['/ws']);
  assert.equal(await first, false);
  assert.equal(await second, true);
  assert.equal(index.letters().length, 20);
  assert.equal(index.indexing, false);
});

test('closing an editor whose text equals the file on disk keeps the file in the index', async () => {
  const { index } = makeIndex({ '/ws/a.imr': VALID_LETTER });
  await index.rebuild(['/ws']);
  const uri = uriOf('/ws/a.imr');
  // Opened and closed without an edit (or after a save): the disk's summaries equal the editor's.
  assert.equal(index.setOpenText(uri, VALID_LETTER), true);
  await index.closeDocument(uri);
  assert.equal(index.letters().length, 1, 'the letter is still indexed after its editor closed');
  assert.equal(index.file(uri)?.open, false);
  assert.ok(index.symbols('Norco').length > 0);
});
