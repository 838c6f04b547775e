/**
 * Debounced validation: a burst of keystrokes gives one parse, and diagnostics are only
 * published for the version they were computed from.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { ChunkedDocument } from './chunkedDocument';
import type { LanguageService } from './languageService/service';

export const DEFAULT_DEBOUNCE_MS = 200;

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  debounceMs = DEFAULT_DEBOUNCE_MS;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<ChunkedDocument>,
    private readonly service: LanguageService,
  ) {}

  schedule(doc: ChunkedDocument): void {
    this.cancel(doc.uri);
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        const current = this.documents.get(doc.uri);
        if (current) this.validateNow(current);
      }, this.debounceMs),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  validateNow(doc: ChunkedDocument): void {
    const diagnostics = this.service.getDiagnostics(doc);
    // A newer version may have arrived while we worked: never publish stale results.
    const current = this.documents.get(doc.uri);
    if (current && current.version !== doc.version) return;
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }
}
