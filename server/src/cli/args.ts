/** Command-line arguments: parsed into options, or a usage error (exit code 2). */
import { availableParallelism } from 'os';
import { FORMAT_NAMES, type FormatName } from './formats';
import { DEFAULT_MAX_SIZE } from '../fileSize';

export interface CliOptions {
  format: FormatName;
  config?: string;
  jobs: number;
  maxSize: number;
  quiet: boolean;
  /** Say on stderr how many files were found and how they were linted. */
  verbose: boolean;
  help: boolean;
  version: boolean;
  paths: string[];
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

export { DEFAULT_MAX_SIZE };

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function parseArgs(argv: string[]): ParsedArgs {
  const options: CliOptions = {
    format: 'text',
    jobs: defaultJobs(),
    maxSize: DEFAULT_MAX_SIZE,
    quiet: false,
    verbose: false,
    help: false,
    version: false,
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    // `--name=value` or `--name value`
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (name) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '-q':
      case '--quiet':
        options.quiet = true;
        break;
      case '-f':
      case '--format': {
        const v = value();
        if (!v || !(FORMAT_NAMES as readonly string[]).includes(v)) return fail(`--format needs one of ${FORMAT_NAMES.join(', ')}${v ? ` (got "${v}")` : ''}`);
        options.format = v as FormatName;
        break;
      }
      case '--verbose':
        options.verbose = true;
        break;
      case '-c':
      case '--config': {
        const v = value();
        if (!v) return fail('--config needs a file');
        options.config = v;
        break;
      }
      case '-j':
      case '--jobs': {
        const v = value();
        const n = v && /^\d{1,4}$/.test(v) ? Number(v) : NaN;
        if (!(n >= 1)) return fail(`--jobs needs a whole number of 1 or more${v ? ` (got "${v}")` : ''}`);
        options.jobs = n;
        break;
      }
      case '--max-size': {
        const v = value();
        const n = v ? parseSize(v) : null;
        if (n === null) return fail(`--max-size needs a size such as 50MB, 512KB or 1000000${v ? ` (got "${v}")` : ''}`);
        options.maxSize = n;
        break;
      }
      default:
        return fail(`unknown option ${name}`);
    }
  }
  if (!options.help && !options.version && options.paths.length === 0) return fail('no PATH given');
  return { ok: true, options };
}

/** `50MB`, `512k`, `1000000` (bytes); units are powers of 1024. */
export function parseSize(text: string): number | null {
  const m = /^(\d{1,15})(?:\.(\d{1,6}))?\s?([a-z]{0,2})$/i.exec(text.trim());
  if (!m) return null;
  const unit = SIZE_UNITS[m[3].toLowerCase()];
  if (unit === undefined) return null;
  const n = Number(`${m[1]}.${m[2] ?? '0'}`) * unit;
  return n >= 1 ? Math.floor(n) : null;
}

function defaultJobs(): number {
  try {
    return Math.max(1, availableParallelism());
  } catch {
    return 1;
  }
}

function fail(message: string): ParsedArgs {
  return { ok: false, message };
}

export const USAGE = `Usage: imr-lint [options] PATH...

Lints California IMR Final Determination Letters (files or folders) with the same rules
as the editor extension.

PATH is a letter file (always linted) or a folder, walked for *.imr, *.pdf and *.txt
files whose first line looks like a letter (node_modules and dot-folders are skipped).

Options:
  -f, --format FORMAT   text (default), json, sarif or csv
  -c, --config FILE     rule settings: { "rules": { "<code>": "error|warning|information|hint|off" } }
  -j, --jobs N          worker threads (default: number of cores; 1 = no workers)
      --max-size SIZE   skip files larger than SIZE (default 50MB; e.g. 10MB, 512KB, 100000)
  -q, --quiet           errors only: drop other diagnostics and warnings
      --verbose         say on stderr how many files were found, threads used, time taken
      --extract FILE.pdf  only print the letter text read from FILE.pdf (--json: with pages)
  -h, --help            show this help
  -v, --version         show the version

Exit codes:
  0  no error-severity diagnostic
  1  at least one error-severity diagnostic
  2  usage error, bad config file, or a file that could not be linted
     (missing, unreadable, not a regular file, binary, over --max-size, unreadable PDF);
     everything else is still linted and printed
`;
