/**
 * Collects every regular expression of the pure core: the literals found by parsing the
 * source files with the TypeScript compiler (so nothing is missed by hand), plus RegExp
 * objects the modules export (which covers patterns built at run time with `new RegExp`).
 */
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const CORE_DIR = resolve(__dirname, '..', '..', 'server', 'src', 'languageService');
/** The whole server side: the core plus the CLI, workspace index, PDF text layout and glue. */
export const SERVER_DIR = resolve(__dirname, '..', '..', 'server', 'src');

export interface CatalogEntry {
  /** file:line, for failure messages. */
  where: string;
  regex: RegExp;
}

export function coreSourceFiles(dir = CORE_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...coreSourceFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Regex literals in the source under `dir` (the core by default), each constructed as the engine would. */
export function regexLiterals(dir = CORE_DIR): { entries: CatalogEntry[]; dynamicSites: string[] } {
  const entries: CatalogEntry[] = [];
  const dynamicSites: string[] = [];
  for (const file of coreSourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const rel = relative(dir, file);
    const visit = (node: ts.Node): void => {
      const where = () => `${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        entries.push({ where: where(), regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        dynamicSites.push(where());
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { entries, dynamicSites };
}

/** RegExp values exported by the core modules (whatever built them). */
export function exportedRegexes(): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const file of coreSourceFiles()) {
    let mod: Record<string, unknown>;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require(file) as Record<string, unknown>;
    } catch {
      continue; // a module that fails to load is caught by the type check and unit tests
    }
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof RegExp) out.push({ where: `${relative(CORE_DIR, file)} export ${name}`, regex: value });
      if (Array.isArray(value)) value.forEach((v, i) => v instanceof RegExp && out.push({ where: `${relative(CORE_DIR, file)} export ${name}[${i}]`, regex: v }));
    }
  }
  return out;
}
