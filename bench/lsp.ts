/**
 * A minimal LSP client for the bench: spawns the real bundled server over stdio and
 * exposes the few requests the editor and workspace cases time, plus the server's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** Safety net so a broken server ends the case instead of hanging the bench (not a measurement). */
const GIVE_UP_MS = 120_000;

export class BenchServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly spawnedAt = performance.now();
  readonly stderr: string[] = [];
  private readonly listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  private readonly notificationListeners = new Map<string, Set<(p: unknown) => void>>();
  initializeResult?: InitializeResult;

  /** `nodeArgs` go to node before the script (e.g. --trace-gc, --cpu-prof when diagnosing a miss). */
  constructor(serverJs: string, nodeArgs: string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      for (const l of [...this.listeners]) l(p);
    });
    // Any other notification (e.g. imr/indexChanged) goes to listeners registered by method name.
    this.connection.onUnhandledNotification((msg) => {
      for (const l of [...(this.notificationListeners.get(msg.method) ?? [])]) l(msg.params);
    });
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  async initialize(params: { rootUri?: string | null; initializationOptions?: unknown } = {}): Promise<InitializeResult> {
    const rootUri = params.rootUri ?? null;
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { workspaceFolders: true } },
      initializationOptions: params.initializationOptions ?? {},
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'imr', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (registered before the action that triggers them). */
  nextDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    return this.waitFor((resolve) => {
      const l = (p: PublishDiagnosticsParams) => {
        if (p.uri === uri && pred(p)) {
          this.listeners.delete(l);
          resolve(p);
        }
      };
      this.listeners.add(l);
    }, `diagnostics for ${uri}`);
  }

  /** Resolves with the next notification `method` whose params satisfy `pred`. */
  nextNotification<T>(method: string, pred: (p: T) => boolean): Promise<T> {
    return this.waitFor((resolve) => {
      const set = this.notificationListeners.get(method) ?? new Set();
      this.notificationListeners.set(method, set);
      const l = (p: unknown) => {
        if (pred(p as T)) {
          set.delete(l);
          resolve(p as T);
        }
      };
      set.add(l);
    }, method);
  }

  private waitFor<T>(register: (resolve: (v: T) => void) => void, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server sent no ${what} within ${GIVE_UP_MS} ms; stderr: ${this.stderr.join('').slice(-500)}`)), GIVE_UP_MS);
      register((v) => {
        clearTimeout(timer);
        resolve(v);
      });
    });
  }

  /** Resident and peak memory of the server process in MB, from /proc (Linux only). */
  memory(): { rssMB: number; peakMB: number } | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
    } catch {
      return null;
    }
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone; it is killed below either way
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
