/**
 * imr-lint: lints IMR letters from the command line with the same core as the editor.
 * The main thread parses arguments, walks folders, hands files to worker threads (or lints
 * them itself for small runs) and prints the outcomes in path order. It only reads files.
 * Exit codes: 0 no error diagnostic, 1 error diagnostics, 2 usage/config/file problems.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseConfigFile, type RuleSettings } from '../languageService';
import { parseArgs, USAGE, type CliOptions } from './args';
import { FORMATS } from './formats';
import { lintFile, type LintOptions } from './lintFile';
import { OrderedOutput } from './output';
import { lintInWorkers } from './pool';
import { toolVersion } from './version';
import { collectFiles } from './walk';
import { runExtractCommand } from '../pdf/extractCommand';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 50;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--extract') return runExtractCommand(argv.slice(1), process.stdout, process.stderr);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`imr-lint: ${parsed.message}\nRun "imr-lint --help" for usage.\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`imr-lint ${toolVersion()}\n`);
    return 0;
  }
  const rules = loadConfig(options);
  if (rules === null) return 2;

  const started = performance.now();
  const lintOptions: LintOptions = { format: options.format, rules, maxSize: options.maxSize, quiet: options.quiet };
  const { files, notices } = await collectFiles(options.paths);
  const output = new OrderedOutput(FORMATS[options.format], process.stdout, process.stderr);
  for (const n of notices) if (!options.quiet || n.problem.severity === 'error') output.notice(n.path, n.problem);

  const workerPath = join(__dirname, 'imr-lint-worker.js');
  const jobs = Math.min(options.jobs, files.length);
  const useWorkers = jobs > 1 && files.length >= MIN_FILES_FOR_WORKERS && existsSync(workerPath);
  if (options.verbose) process.stderr.write(`imr-lint: ${files.length} candidate files; ${useWorkers ? `${jobs} worker threads` : 'linting on the main thread'}\n`);
  if (useWorkers) {
    await lintInWorkers(files, lintOptions, jobs, workerPath, (i, o) => output.accept(i, o));
  } else {
    for (let i = 0; i < files.length; i++) output.accept(i, await lintFile(files[i].path, files[i].origin, lintOptions));
  }
  await output.finish();

  const t = output.totals;
  const failed = t.failed + notices.filter((n) => n.problem.severity === 'error').length;
  if (options.format === 'text' && !options.quiet) {
    process.stderr.write(`imr-lint: ${t.linted} letter file${t.linted === 1 ? '' : 's'} linted, ${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}${failed ? `, ${failed} file${failed === 1 ? '' : 's'} could not be linted` : ''}\n`);
  }
  if (options.verbose) process.stderr.write(`imr-lint: done in ${Math.round(performance.now() - started)} ms\n`);
  if (t.linted === 0 && failed === 0) process.stderr.write('imr-lint: no letters found\n');
  if (failed > 0) return 2;
  return t.errors > 0 ? 1 : 0;
}

/** The rule settings from --config, {} without one, or null (exit 2) when it cannot be used. */
function loadConfig(options: CliOptions): RuleSettings | null {
  if (!options.config) return {};
  let text: string;
  try {
    text = readFileSync(options.config, 'utf8');
  } catch (e) {
    process.stderr.write(`imr-lint: cannot read config file ${options.config}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return null;
  }
  const { rules, problems } = parseConfigFile(text);
  // Unusable files (not JSON, not an object) stop the run; unknown codes or bad severities are warnings.
  const fatal = !isJsonObject(text);
  for (const p of problems) process.stderr.write(`imr-lint: ${options.config}: ${fatal ? 'error' : 'warning'}: ${p}\n`);
  return fatal ? null : rules;
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text.replace(/^\ufeff/, ''));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`imr-lint ... | head`) is not a failure of the lint.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`imr-lint: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
