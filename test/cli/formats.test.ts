/** Each output format, on the seed letters (copied into a temp folder) and on our own letters. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/languageService';
import { seedNames, SEEDS_DIR, SEED_EXPECTATIONS } from '../helpers/seeds';
import { writeLetter } from './letters';
import { lint, parseCsv, removeTempDirs, tempDir, writeFile } from './run';

interface JRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface JItem {
  title: string;
  outcome: 'Upheld' | 'Overturned' | null;
  outcomeText: string | null;
  range: JRange;
  headingRange: JRange;
  guidelines: Array<{ source: string; text: string; citations: unknown[] }>;
  outcomeRange: JRange | null;
  rationale: { text: string; range: JRange } | null;
  conclusion: { text: string; finding: string | null } | null;
  treatment: { name: string } | null;
  partial: unknown;
}
interface JFile {
  file: string;
  letters: Array<{ layout: string; range: JRange; fields: Record<string, { value: string | null; text: string; range: JRange } | null>; reviewer: { licensure: string[] }; patient: { age: number | null }; items: JItem[] }>;
  diagnostics: Array<{ code: string; severity: string; message: string; range: JRange }>;
  problems?: unknown[];
}

let seeds: string; // a folder with the seeds in seeds/ and two letters of ours in own/
const seedText = new Map<string, string>();

before(() => {
  seeds = tempDir();
  for (const name of seedNames()) {
    const text = readFileSync(join(SEEDS_DIR, name), 'utf8');
    seedText.set(`seeds/${name}`, text);
    writeFile(join(seeds, 'seeds', name), text);
  }
  writeFile(join(seeds, 'own', 'clean.imr'), writeLetter({ caseNumber: 'CM16-0213037', items: [{ title: 'Physical therapy, 8 sessions', outcome: 'Overturned' }, { title: 'Tramadol 50mg #60', outcome: 'Upheld' }] }));
  writeFile(join(seeds, 'own', 'broken.imr'), writeLetter({ items: [{ title: 'Naproxen 550mg #90', outcome: 'Upheld' }], withoutSummary: true }));
});
after(removeTempDirs);

function seedFiles(files: JFile[]): JFile[] {
  return files.filter((f) => f.file.startsWith('seeds/'));
}

test('json: one object per file, in path order, with the seeds\' items and outcomes', () => {
  const r = lint(['--format', 'json', 'seeds'], seeds);
  const files = JSON.parse(r.stdout) as JFile[];
  assert.deepEqual(files.map((f) => f.file), [...seedText.keys()]);
  for (const f of files) {
    assert.deepEqual(Object.keys(f), ['file', 'letters', 'diagnostics']);
    const prefix = f.file.slice('seeds/'.length, 'seeds/'.length + 3);
    assert.equal(f.letters.length, 1);
    assert.deepEqual(f.letters[0].items.map((i) => [i.title, i.outcome]), SEED_EXPECTATIONS[prefix], f.file);
    assert.deepEqual(Object.keys(f.letters[0]), ['layout', 'range', 'fields', 'reviewer', 'patient', 'sections', 'items']);
    assert.deepEqual(Object.keys(f.letters[0].fields), ['caseNumber', 'dateAssigned', 'decisionDate', 'dateOfInjury', 'urDenialDate', 'applicationReceived', 'priority', 'noticeDate']);
  }
  // The exit code follows the diagnostics: 1 exactly when one of them is an error.
  const anyError = files.some((f) => f.diagnostics.some((d) => d.severity === 'error'));
  assert.equal(r.status, anyError ? 1 : 0, r.stderr);
});

test('json: ranges are 0-based LSP ranges into the file', () => {
  const files = seedFiles(JSON.parse(lint(['--format', 'json', 'seeds'], seeds).stdout) as JFile[]);
  for (const f of files) {
    const lines = seedText.get(f.file)!.split(/\r?\n/);
    for (const item of f.letters[0].items) {
      // 0-based: the heading line and column point at the title's first character.
      const { line, character } = item.headingRange.start;
      assert.ok(lines[line].slice(character).startsWith(item.title.slice(0, 8)), `${f.file}: ${item.title} at ${line}:${character}`);
      assert.ok(item.range.start.line <= line && item.range.end.line >= line);
      assert.ok(['Upheld', 'Overturned'].includes(item.outcomeText ?? ''));
      assert.ok(item.guidelines.length >= 2, `${item.title} has its guideline lines`);
      assert.ok(item.conclusion && item.conclusion.finding === (item.outcome === 'Upheld' ? 'notNecessary' : 'necessary'), `${item.title}: ${JSON.stringify(item.conclusion)}`);
      // The outcome word and the whole rationale, each with the range it was read from.
      const o = item.outcomeRange!;
      assert.equal(lines[o.start.line].slice(o.start.character, o.end.character), item.outcomeText);
      const r = item.rationale!;
      assert.ok(r.text.includes(item.conclusion.text), `${item.title}: the rationale holds its conclusion`);
      // The range is the labelled block: its first line holds the label and the text's first words.
      const firstLine = lines[r.range.start.line].slice(r.range.start.character);
      assert.ok(firstLine.includes(r.text.slice(0, 20)), `${item.title}: rationale range starts at its block (${firstLine.slice(0, 40)})`);
    }
    for (const d of f.diagnostics) assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
  }
});

test('json: header fields of our own letter with value, text and range', () => {
  const r = lint(['--format', 'json', 'own/clean.imr'], seeds);
  const [f] = JSON.parse(r.stdout) as JFile[];
  assert.equal(f.file, 'own/clean.imr');
  const caseNumber = f.letters[0].fields.caseNumber!;
  assert.equal(caseNumber.value, 'CM16-0213037');
  assert.deepEqual(caseNumber.range.start.line, 0);
  assert.equal(f.letters[0].fields.decisionDate?.value, '2015-04-01');
  assert.deepEqual(f.letters[0].items.map((i) => [i.title, i.outcome]), [
    ['Physical therapy, 8 sessions', 'Overturned'],
    ['Tramadol 50mg #60', 'Upheld'],
  ]);
  assert.deepEqual(f.diagnostics, []);
  assert.equal(r.status, 0, r.stderr);
});

test('text: file:line:col severity code message, 1-based, exit 1 on an error', () => {
  const r = lint(['own'], seeds);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.length >= 1);
  for (const l of lines) assert.match(l, /^own\/broken\.imr:\d+:\d+ (error|warning|information|hint) [a-z-]+ \S/);
  assert.ok(lines.some((l) => /^own\/broken\.imr:\d+:\d+ error missing-section Missing section "CLINICAL CASE SUMMARY"/.test(l)), r.stdout);
  // The same diagnostic in JSON is one line and one column less (0-based).
  const [broken] = (JSON.parse(lint(['--format', 'json', 'own/broken.imr'], seeds).stdout) as JFile[]);
  const d = broken.diagnostics.find((x) => x.code === 'missing-section')!;
  assert.ok(r.stdout.includes(`own/broken.imr:${d.range.start.line + 1}:${d.range.start.character + 1} error missing-section`));
  assert.match(r.stderr, /2 letter files linted, 1 error/);
});

test('sarif: 2.1.0 with the rule set, relative uris and 1-based regions', () => {
  const r = lint(['--format', 'sarif', 'own', 'seeds'], seeds);
  assert.equal(r.status, 1, r.stderr);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'imr-lint');
  assert.ok(run.tool.driver.informationUri.startsWith('https://'));
  assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), RULES.map((x) => x.code));
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription.text.length > 0);
    assert.ok(rule.helpUri.endsWith(rule.id));
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  const json = JSON.parse(lint(['--format', 'json', 'own', 'seeds'], seeds).stdout) as JFile[];
  const expected = json.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
  assert.equal(run.results.length, expected.length);
  run.results.forEach((res: any, i: number) => {
    const { f, d } = expected[i];
    assert.equal(res.ruleId, d.code);
    assert.equal(res.level, d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');
    assert.equal(res.message.text, d.message);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, f.file);
    assert.deepEqual(loc.region, { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 });
  });
  assert.ok(run.results.some((res: any) => res.ruleId === 'missing-section' && res.level === 'error'));
});

test('csv: a header and one RFC 4180 row per disputed item', () => {
  const r = lint(['--format', 'csv', 'seeds', 'own/clean.imr'], seeds);
  assert.ok(r.stdout.endsWith('\r\n'));
  const rows = parseCsv(r.stdout);
  assert.deepEqual(rows[0], ['file', 'case_number', 'letter', 'item', 'outcome', 'treatment', 'generic', 'category', 'guidelines', 'line', 'page']);
  const body = rows.slice(1);
  const expectedSeedRows = Object.values(SEED_EXPECTATIONS).flat();
  assert.equal(body.length, expectedSeedRows.length + 2);
  for (const row of body) assert.equal(row.length, 11);
  // Text letters have no PDF page.
  for (const row of body) assert.equal(row[10], '');
  // Our letter comes first (own/ sorts before seeds/), its title holds a comma: quoted in the file, whole when read.
  assert.deepEqual(body[0].slice(0, 5), ['own/clean.imr', 'CM16-0213037', '1', 'Physical therapy, 8 sessions', 'Overturned']);
  assert.ok(r.stdout.includes('"Physical therapy, 8 sessions"'));
  assert.deepEqual(body.slice(2).map((row) => [row[3], row[4]]), expectedSeedRows);
  // `line` is the 1-based heading line.
  const soma = body.find((row) => row[3] === 'Soma #60')!;
  const lines = seedText.get(soma[0])!.split(/\r?\n/);
  assert.ok(lines[Number(soma[9]) - 1].includes('Soma #60'));
  assert.ok(body.some((row) => row[8].includes('MTUS')), 'guidelines column lists the cited sources');
});
