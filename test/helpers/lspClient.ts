/**
 * Drives the real bundled server (dist/server.js) over stdio JSON-RPC, as an editor would.
 * Waits for events (published diagnostics) rather than sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  type InitializeResult,
  type ClientCapabilities,
  type WorkspaceFolder,
  ConfigurationRequest,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  WorkDoneProgress,
  ShowMessageNotification,
  LogMessageNotification,
  type Registration,
} from 'vscode-languageserver-protocol/node';

export interface InitializeExtras {
  rootUri?: string | null;
  workspaceFolders?: WorkspaceFolder[] | null;
  capabilities?: ClientCapabilities;
  /** Answer to `workspace/configuration` for section `imr` (only asked when capabilities say so). */
  settings?: unknown;
}

export const SERVER_JS = resolve(__dirname, '..', '..', 'dist', 'server.js');

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  readonly stderr: string[] = [];
  initializeResult?: InitializeResult;
  /** What `workspace/configuration` answers for section `imr`; tests may change it. */
  settings: unknown = {};
  readonly registrations: Registration[] = [];
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly logs: string[] = [];
  /** Work-done progress values the server reported, in order. */
  readonly progress: Array<{ kind: string; message?: string; percentage?: number }> = [];
  private readonly notifications: Array<{ method: string; params: unknown }> = [];
  private readonly notificationWaiters: Array<{ method: string; pred: (p: any) => boolean; resolve: (p: any) => void }> = [];

  constructor(extraArgs: string[] = []) {
    this.process = spawn(process.execPath, [SERVER_JS, '--stdio', ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      // jsonrpc routes `$/progress` by token: listen on each token the server creates.
      this.connection.onProgress(WorkDoneProgress.type, params.token, (value) => this.progress.push(value));
      return null;
    });
    this.connection.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p));
    this.connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p.message));
    this.connection.onUnhandledNotification((m) => this.recordNotification(m.method, m.params));
    this.connection.listen();
  }

  private recordNotification(method: string, params: unknown): void {
    this.notifications.push({ method, params });
    for (let i = this.notificationWaiters.length - 1; i >= 0; i--) {
      const w = this.notificationWaiters[i];
      if (w.method === method && w.pred(params)) {
        this.notificationWaiters.splice(i, 1);
        w.resolve(params);
      }
    }
  }

  /** Resolves with the first notification `method` (other than diagnostics) whose params satisfy `pred`; earlier ones count. */
  waitForNotification<T = any>(method: string, pred: (p: T) => boolean = () => true, since = 0): Promise<T> {
    const seen = this.notifications.filter((n) => n.method === method).slice(since).find((n) => pred(n.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise((res) => this.notificationWaiters.push({ method, pred, resolve: res }));
  }

  notificationsOf<T = any>(method: string): T[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params as T);
  }

  async initialize(initializationOptions: unknown = {}, extras: InitializeExtras = {}): Promise<InitializeResult> {
    if (extras.settings !== undefined) this.settings = extras.settings;
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: extras.rootUri ?? null,
      capabilities: extras.capabilities ?? {},
      initializationOptions,
      workspaceFolders: extras.workspaceFolders ?? null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  async open(uri: string, text: string, version = 1, languageId = 'imr'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async changeFull(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental change: replace `range` by `text` (as editors send with incremental sync). */
  async changeRange(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resolves with the first diagnostics published for `uri` that satisfy `pred` (already received ones count). */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const seen = (this.diagnostics.get(uri) ?? []).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((res) => this.waiters.push({ uri, pred, resolve: res }));
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
