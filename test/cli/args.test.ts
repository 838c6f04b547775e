/** Argument parsing without a child process: sizes, defaults, `--x=y`, `--`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { parseArgs, parseSize, DEFAULT_MAX_SIZE } from '../../server/src/cli/args';

test('sizes: bytes and 1024-based units; nonsense is rejected', () => {
  assert.equal(parseSize('100000'), 100000);
  assert.equal(parseSize('8KB'), 8192);
  assert.equal(parseSize('8k'), 8192);
  assert.equal(parseSize('1.5MB'), 1572864);
  assert.equal(parseSize('2 gb'), 2 * 1024 ** 3);
  for (const bad of ['', 'lots', '-5', '0', '10XB', '1e6']) assert.equal(parseSize(bad), null, bad);
});

test('defaults, both option spellings, and -- before paths that look like options', () => {
  const a = parseArgs(['letters']);
  assert.ok(a.ok);
  assert.deepEqual(a.options, { format: 'text', jobs: availableParallelism(), maxSize: DEFAULT_MAX_SIZE, quiet: false, verbose: false, help: false, version: false, paths: ['letters'] });
  const b = parseArgs(['--format=csv', '-j', '3', '--max-size=1MB', '-q', '--', '--odd-name.imr', 'x']);
  assert.ok(b.ok);
  assert.equal(b.options.format, 'csv');
  assert.equal(b.options.jobs, 3);
  assert.equal(b.options.maxSize, 1024 * 1024);
  assert.equal(b.options.quiet, true);
  assert.deepEqual(b.options.paths, ['--odd-name.imr', 'x']);
  const c = parseArgs(['--jobs']);
  assert.equal(c.ok, false);
});
