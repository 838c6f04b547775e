/**
 * Where the tree's letters come from: the server's workspace index (`imr/workspaceLetters`,
 * refreshed on `imr/indexChanged`), or, when the server does not answer that request
 * (MethodNotFound), the summaries of the open letters (`imr/documentSummary`). Requests are
 * coalesced so bursts of edits cost one round trip; nothing here blocks the editor.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DocumentSummaryRequest,
  IndexChangedNotification,
  WorkspaceLettersRequest,
  type IndexChangedParams,
  type LetterSummary,
} from '../../../server/src/protocol';
import { sameSummaries } from '../../../server/src/sameSummaries';

const METHOD_NOT_FOUND = -32601;
const REFRESH_DELAY_MS = 250;

export interface IndexProgress {
  indexing: boolean;
  filesIndexed: number;
  filesTotal: number;
}

export function isMethodNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === METHOD_NOT_FOUND;
}

export class LetterSource implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly progressChanged = new vscode.EventEmitter<IndexProgress>();
  readonly onDidChangeProgress = this.progressChanged.event;

  letters: LetterSummary[] = [];
  /** `workspace` while the server answers `imr/workspaceLetters`, else `open` (open letters only). */
  mode: 'workspace' | 'open' = 'workspace';
  progress: IndexProgress = { indexing: false, filesIndexed: 0, filesTotal: 0 };
  /** True once a first answer has arrived. */
  loaded = false;
  /** True once the server reported a finished index (its first answer may precede indexing). */
  indexSettled = false;

  /** An "index finished" notice arrived; the next completed fetch settles the index. */
  private settling = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private dirty = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {}

  /** Subscribes to the server and the editor; call once the client is started. */
  start(): void {
    this.disposables.push(
      this.client.onNotification(IndexChangedNotification, (p: IndexChangedParams) => {
        this.progress = { indexing: p.indexing, filesIndexed: p.filesIndexed, filesTotal: p.filesTotal };
        if (!p.indexing) this.settling = true;
        this.progressChanged.fire(this.progress);
        this.schedule();
      }),
      // Without the workspace index (open letters only), diagnostics are published after every
      // re-parse: a cheap signal that a letter changed. The index says itself what changed.
      vscode.languages.onDidChangeDiagnostics(() => this.mode === 'open' && this.schedule()),
      vscode.workspace.onDidCloseTextDocument((d) => d.languageId === 'imr' && this.mode === 'open' && this.schedule()),
      vscode.workspace.onDidOpenTextDocument((d) => d.languageId === 'imr' && this.schedule()),
    );
    void this.refreshNow();
  }

  /** Asks for a refresh soon (coalesced). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refreshNow();
    }, REFRESH_DELAY_MS);
  }

  /** Refreshes now; resolves when the letters are current. Concurrent calls share one request. */
  async refreshNow(): Promise<void> {
    if (this.inFlight) {
      this.dirty = true;
      return this.inFlight;
    }
    this.inFlight = this.fetch().finally(() => {
      this.inFlight = undefined;
      if (this.dirty) {
        this.dirty = false;
        void this.refreshNow();
      }
    });
    return this.inFlight;
  }

  /** The letters of one document, straight from the server (fresh even while the index catches up). */
  async lettersOf(uri: string): Promise<LetterSummary[]> {
    if (!this.client.isRunning()) return [];
    try {
      return await this.client.sendRequest<LetterSummary[]>(DocumentSummaryRequest, { uri });
    } catch {
      return [];
    }
  }

  private async fetch(): Promise<void> {
    if (!this.client.isRunning()) return;
    const settles = this.settling;
    let letters: LetterSummary[];
    if (this.mode === 'workspace') {
      try {
        letters = await this.client.sendRequest<LetterSummary[]>(WorkspaceLettersRequest);
      } catch (error) {
        if (!isMethodNotFound(error)) return; // a transient failure: keep what we have
        this.mode = 'open';
        letters = await this.openLetters();
      }
    } else {
      letters = await this.openLetters();
    }
    const next = Array.isArray(letters) ? letters : [];
    // Diagnostics change for many reasons that leave every summary as it was; rebuilding the
    // tree then only re-renders its rows under the user's pointer, so only real changes fire.
    // Compared field by field, stopping at the first difference: serialising 10,000 letters'
    // summaries on every fetch cost the extension host about 90 ms each time (the comparison: at
    // most 40 ms, when nothing changed; while indexing, lists differ early).
    const unchanged = this.loaded && sameSummaries(next, this.letters) && (!settles || this.indexSettled);
    this.letters = next;
    this.loaded = true;
    if (settles) this.indexSettled = true;
    if (!unchanged) this.changed.fire();
  }

  private async openLetters(): Promise<LetterSummary[]> {
    const docs = vscode.workspace.textDocuments.filter((d) => d.languageId === 'imr');
    const all = await Promise.all(docs.map((d) => this.lettersOf(d.uri.toString())));
    return all.flat();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.progressChanged.dispose();
  }
}
