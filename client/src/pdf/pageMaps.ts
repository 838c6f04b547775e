/**
 * Page maps of the open PDF letter documents (filled by the content provider), shared by
 * the page indicators and the middleware that names the PDF page of a problem or an
 * outline entry.
 */
import type * as vscode from 'vscode';

export interface PageMap {
  pageOfLine: number[];
  pageCount: number;
}

const maps = new Map<string, PageMap>();

export function setPageMap(uri: vscode.Uri, map: PageMap): void {
  maps.set(uri.toString(), map);
}

export function forgetPageMap(uri: vscode.Uri): void {
  maps.delete(uri.toString());
}

/** 1-based PDF page of a line of an open PDF letter document, with the page count. */
export function pageOf(uri: vscode.Uri, line: number): { page: number; pageCount: number } | undefined {
  const map = maps.get(uri.toString());
  if (!map || map.pageOfLine.length === 0) return undefined;
  return { page: map.pageOfLine[Math.min(Math.max(line, 0), map.pageOfLine.length - 1)], pageCount: map.pageCount };
}

/** Diagnostics of a PDF letter say which page they are on: `... (PDF page 3)`. */
export function withPdfPages(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    const at = pageOf(uri, d.range.start.line);
    if (at) d.message = `${d.message} (PDF page ${at.page})`;
  }
  return diagnostics;
}

/**
 * Outline entries of a PDF letter say which page they start on (`Upheld · p. 3`), in the
 * Outline, breadcrumbs and Go to Symbol. Only hierarchical symbols are touched: the server
 * answers with those.
 */
export function withPdfPageDetails<T extends vscode.DocumentSymbol[] | vscode.SymbolInformation[]>(uri: vscode.Uri, symbols: T): T {
  const walk = (list: readonly vscode.DocumentSymbol[]) => {
    for (const s of list) {
      const at = pageOf(uri, s.range.start.line);
      if (at) s.detail = s.detail ? `${s.detail} · p. ${at.page}` : `p. ${at.page}`;
      walk(s.children ?? []);
    }
  };
  walk((symbols as readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]).filter((s): s is vscode.DocumentSymbol => 'children' in s));
  return symbols;
}
