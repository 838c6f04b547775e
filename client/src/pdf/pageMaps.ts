/**
 * Page maps of the open PDF letter documents (filled by the content provider), shared by
 * the page indicators and the diagnostics middleware that names a problem's PDF page.
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
