/** imr-lint: lints IMR letters from the command line with the same core as the editor. */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { analyzeText } from '../languageService/service';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function collect(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (/\.(imr|txt)$/i.test(path)) out.push(path);
}

function main(argv: string[]): number {
  const files: string[] = [];
  for (const p of argv) collect(p, files);
  let errors = 0;
  for (const file of files) {
    const { diagnostics } = analyzeText(readFileSync(file, 'utf8'));
    for (const d of diagnostics) {
      if (d.severity === 1) errors++;
      console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`);
    }
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
