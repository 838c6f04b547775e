/**
 * Static scans of our own TypeScript sources (parsed with the compiler, so comments and
 * strings never count): network module imports and network calls, file-writing calls,
 * and whether a write is reachable from a registered command.
 */
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'axios', 'node-fetch', 'ws'];
const NETWORK_GLOBALS = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource']);
/** Calls that create, change or delete files. */
const WRITE_CALLS = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'rename', 'renameSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'copyFile', 'copyFileSync', 'applyEdit', 'delete', 'createDirectory', 'copy']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function where(sf: ts.SourceFile, node: ts.Node): string {
  return `${relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function moduleName(spec: string): string {
  return spec.replace(/^node:/, '');
}

/** Imports/requires of `modules` (network modules by default) and uses of network globals. */
export function networkUses(dirs: string[], modules: string[] = NETWORK_MODULES): string[] {
  const wanted = new Set(modules.map(moduleName));
  const checkGlobals = modules === NETWORK_MODULES;
  const found: string[] = [];
  for (const file of dirs.flatMap(sourceFiles)) {
    const sf = parse(file);
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        if (wanted.has(moduleName(node.moduleSpecifier.text))) found.push(`${where(sf, node)} imports ${node.moduleSpecifier.text}`);
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const arg = node.arguments[0];
        if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) {
          if (arg && ts.isStringLiteral(arg) && wanted.has(moduleName(arg.text))) found.push(`${where(sf, node)} requires ${arg.text}`);
        }
        if (checkGlobals && ts.isIdentifier(callee) && NETWORK_GLOBALS.has(callee.text)) found.push(`${where(sf, node)} calls ${callee.text}`);
        if (checkGlobals && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'globalThis' && NETWORK_GLOBALS.has(callee.name.text)) {
          found.push(`${where(sf, node)} calls globalThis.${callee.name.text}`);
        }
      }
      if (checkGlobals && ts.isNewExpression(node) && ts.isIdentifier(node.expression) && NETWORK_GLOBALS.has(node.expression.text)) found.push(`${where(sf, node)} new ${node.expression.text}`);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

export interface WriteSite {
  where: string;
  call: string;
  /** The top-level function (or variable) that holds the call. */
  fn: string;
}

function topLevelName(node: ts.Node): string {
  let cur: ts.Node = node;
  let name = '(top level)';
  while (cur.parent) {
    if (ts.isFunctionDeclaration(cur) && cur.name) name = cur.name.text;
    else if (ts.isVariableDeclaration(cur) && ts.isIdentifier(cur.name)) name = cur.name.text;
    else if (ts.isMethodDeclaration(cur) && ts.isIdentifier(cur.name)) name = cur.name.text;
    cur = cur.parent;
  }
  return name;
}

/** Calls that write files: `x.writeFile(...)`, `writeFileSync(...)`, `workspace.applyEdit(...)`... */
export function writeSites(dirs: string[]): WriteSite[] {
  const sites: WriteSite[] = [];
  for (const file of dirs.flatMap(sourceFiles)) {
    const sf = parse(file);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression.getText(sf) : '';
        // `delete`/`copy` only count on a file system object (Map.delete is not a write).
        const fsLike = !['delete', 'copy', 'rm', 'mkdir', 'rename'].includes(name) || /\bfs\b|fs\.promises|workspace\.fs/.test(receiver);
        if (WRITE_CALLS.has(name) && fsLike) sites.push({ where: where(sf, node), call: node.expression.getText(sf), fn: topLevelName(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return sites;
}

/**
 * True when the function holding a write is registered as a command, or is called from a
 * `registerCommand(...)` argument or from a function that is (two hops at most).
 */
export function commandReachable(site: WriteSite, dir: string): boolean {
  const files = sourceFiles(dir).map(parse);
  const commandTexts: string[] = [];
  const bodies = new Map<string, string>();
  for (const sf of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'registerCommand') {
        commandTexts.push(node.arguments.map((a) => a.getText(sf)).join(' '));
      }
      if (ts.isFunctionDeclaration(node) && node.name) bodies.set(node.name.text, node.getText(sf));
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const mentions = (text: string, fn: string) => new RegExp(`\\b${fn}\\b`).test(text);
  if (commandTexts.some((t) => mentions(t, site.fn))) return true;
  for (const [caller, body] of bodies) {
    if (caller === site.fn || !mentions(body, site.fn)) continue;
    if (commandTexts.some((t) => mentions(t, caller))) return true;
    for (const [caller2, body2] of bodies) if (caller2 !== caller && mentions(body2, caller) && commandTexts.some((t) => mentions(t, caller2))) return true;
  }
  return false;
}
