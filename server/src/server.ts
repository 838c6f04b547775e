/**
 * The language server: thin glue between LSP and the pure language service and the
 * workspace index. Runs over IPC when started by the VS Code client, or over stdio
 * (`imr-language-server --stdio`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_SIZE, formatBytes } from './fileSize';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  ShowMessageNotification,
  MessageType,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
  type HoverParams,
  type FoldingRangeParams,
  type SelectionRangeParams,
  type CodeActionParams,
  type CompletionParams,
  type DocumentRangeFormattingParams,
  type DocumentHighlightParams,
  type WorkspaceSymbolParams,
  type CancellationToken,
} from 'vscode-languageserver/node';
import { ChunkedDocument } from './chunkedDocument';
import { LanguageService } from './languageService/service';
import { readServerSettings, parseConfigFile, DEFAULT_SERVER_SETTINGS, type ServerSettings } from './languageService/config';
import { FIX_ALL_KIND } from './languageService/features/codeActions';
import {
  DocumentSummaryRequest,
  WorkspaceLettersRequest,
  IndexChangedNotification,
  ReindexRequest,
  ExtractPdfRequest,
  type DocumentSummaryParams,
  type ExtractPdfParams,
  type ExtractPdfResult,
  type IndexChangedParams,
  type LetterSummary,
  type ReindexResult,
} from './protocol';
import { summarizeDocument } from './summaries';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { WorkspaceIndex, pathOf } from './workspace/workspaceIndex';
import { nodeFileSystem } from './workspace/fileSystem';
import { extractPdf } from './pdf/api';
import { indexUriOf } from './pdf/letterUri';
import { createRequestGuard, type ParamShape } from './requestGuard';

const connection = createConnection(ProposedFeatures.all);
// Last line of defence: a bug reached from a timer or a malformed message (e.g. didOpen
// without text) must not kill the server and every feature with it. Log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`IMR server internal error (still running): ${e?.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`IMR server internal error in async work (still running): ${e instanceof Error ? e.stack : String(e)}`));
/** Wraps every request handler: bad parameters get InvalidParams, exceptions a clear InternalError; both are logged. */
const guard = createRequestGuard({ warn: (m) => connection.console.warn(m), error: (m) => connection.console.error(m) });
const documents = new TextDocuments<ChunkedDocument>({
  create: (uri, languageId, version, content) => new ChunkedDocument(uri, languageId, version, content),
  update: (doc, changes, version) => {
    doc.update(changes, version);
    return doc;
  },
});
const service = new LanguageService();
const scheduler = new DiagnosticsScheduler(connection, documents, service);
// A rebuild of many letters reads and analyses them on worker threads, one per core.
const indexWorker = join(__dirname, 'index-worker.js');
const index = new WorkspaceIndex({
  fs: nodeFileSystem,
  extractPdf,
  log: (m) => connection.console.log(m),
  rules: () => service.ruleSettings,
  ...(existsSync(indexWorker) ? { workers: { path: indexWorker, jobs: availableParallelism() } } : {}),
});

let settings: ServerSettings = DEFAULT_SERVER_SETTINGS;
let initOptions: unknown;
let clientCaps: ClientCapabilities = {};
let roots: string[] = [];
const reported = new Set<string>();

/** Logs each settings problem, and shows it once per session. */
function report(problems: string[]): void {
  for (const p of problems) {
    connection.console.warn(p);
    if (reported.has(p)) continue;
    reported.add(p);
    // A notification, not a request: nothing to await, nothing to fail if the client ignores it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `IMR Letters: ${p}` });
  }
}

/** A failed client round trip is logged, never allowed to crash the server. */
function logFailure(what: string): (e: unknown) => void {
  return (e) => connection.console.error(`Could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
}

function readConfigFileRules(path: string | undefined): ServerSettings['rules'] {
  if (!path) return {};
  const full = isAbsolute(path) || roots.length === 0 ? path : resolve(roots[0], path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    report([`imr.configFile: cannot read ${full}: ${(e as Error).message}`]);
    return {};
  }
  const result = parseConfigFile(text);
  report(result.problems.map((p) => `${full}: ${p}`));
  return result.rules;
}

async function loadSettings(): Promise<void> {
  let value: unknown = initOptions;
  if (clientCaps.workspace?.configuration) {
    try {
      value = (await connection.workspace.getConfiguration('imr')) ?? initOptions;
    } catch {
      value = initOptions;
    }
  }
  const { settings: next, problems } = readServerSettings(value);
  report(problems);
  // The config file sets the baseline; `imr.rules` in the editor settings wins.
  next.rules = { ...readConfigFileRules(next.configFile), ...next.rules };
  // Summaries in the index carry error counts: new rule severities make them stale.
  const rulesChanged = JSON.stringify(next.rules) !== JSON.stringify(settings.rules);
  settings = next;
  scheduler.debounceMs = settings.validationDelay;
  service.setMaxOutlineItems(settings.maxOutlineItems);
  service.setRuleSettings(settings.rules);
  for (const doc of documents.all()) {
    scheduler.validateNow(doc);
    if (rulesChanged) summariseOpen(doc, 0);
  }
  if (rulesChanged && indexStarted) reindex().catch(logFailure('index the workspace again for the new rules'));
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientCaps = params.capabilities;
  initOptions = params.initializationOptions;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  roots = folders.map(pathOf).filter((p): p is string => !!p);
  const { settings: initial, problems } = readServerSettings(initOptions);
  settings = initial;
  report(problems);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: true,
      hoverProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: [':', ' '] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
      documentHighlightProvider: true,
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'imr-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (clientCaps.workspace?.didChangeConfiguration?.dynamicRegistration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'imr' }).catch(logFailure('register didChangeConfiguration'));
  }
  if (clientCaps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{imr,txt,pdf}' }] })
      .catch(logFailure('register file watcher'));
  }
  await loadSettings();
  reindex().catch(logFailure('index the workspace'));
});

connection.onDidChangeConfiguration(async (change) => {
  if (!clientCaps.workspace?.configuration && change.settings) initOptions = (change.settings as Record<string, unknown>).imr ?? change.settings;
  await loadSettings();
});

// --- Workspace index ---------------------------------------------------------------

function notifyIndex(uris?: string[]): void {
  const params: IndexChangedParams = {
    ...(uris ? { uris } : {}),
    letterCount: index.letterCount,
    filesIndexed: index.filesIndexed,
    filesTotal: index.filesTotal,
    indexing: index.indexing,
  };
  void connection.sendNotification(IndexChangedNotification, params);
}

/** True once the first index build has begun (settings read before it need no second one). */
let indexStarted = false;

async function reindex(): Promise<number> {
  indexStarted = true;
  const progress = clientCaps.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  progress?.begin('Indexing IMR letters', 0, undefined, false);
  try {
    await index.rebuild(roots, (p) => {
      progress?.report(p.filesTotal ? Math.round((100 * p.filesIndexed) / p.filesTotal) : 100, `${p.filesIndexed}/${p.filesTotal} files`);
      notifyIndex(p.uris);
    });
  } finally {
    progress?.done();
  }
  notifyIndex();
  return index.letterCount;
}

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  const uris: string[] = [];
  for (const change of changes) {
    const path = pathOf(change.uri);
    if (!path || !index.isUnderRoots(path)) continue;
    const changed = change.type === FileChangeType.Deleted ? index.remove(change.uri) : await index.indexPath(path);
    if (changed) uris.push(change.uri);
  }
  if (uris.length) notifyIndex(uris);
});

/** Edits re-summarise only their own document, debounced apart from diagnostics. */
const indexTimers = new Map<string, NodeJS.Timeout>();
const INDEX_DEBOUNCE_MS = 500;
function summariseOpen(doc: ChunkedDocument, delay: number): void {
  clearTimeout(indexTimers.get(doc.uri));
  indexTimers.set(
    doc.uri,
    setTimeout(() => {
      indexTimers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      // The service's analysis of this version (usually already computed for diagnostics).
      const uri = indexUriOf(current.uri);
      if (index.setOpenAnalysis(uri, service.parse(current), service.getDiagnostics(current))) notifyIndex([uri]);
    }, delay),
  );
}

connection.onRequest(WorkspaceLettersRequest, guard('imr/workspaceLetters', [], (): LetterSummary[] => index.letters()));
connection.onRequest(ReindexRequest, guard('imr/reindex', [], async (): Promise<ReindexResult> => ({ letterCount: await reindex() })));
connection.onRequest(
  ExtractPdfRequest,
  guard('imr/extractPdf', ['uri'], async (params: ExtractPdfParams): Promise<ExtractPdfResult> => {
    const path = pathOf(params.uri);
    if (!path) throw new ResponseError(1, `Not a file URI: ${params.uri}`);
    try {
      // The index's size limit holds here too: a huge file is refused before it is read.
      const size = statSync(path).size;
      if (size > DEFAULT_MAX_SIZE) throw new Error(`${formatBytes(size)} is over the size limit of ${formatBytes(DEFAULT_MAX_SIZE)}`);
      return await extractPdf(readFileSync(path));
    } catch (e) {
      throw new ResponseError(2, (e as Error).message);
    }
  }),
);
connection.onWorkspaceSymbol(
  guard('workspace/symbol', ['query'], (params: WorkspaceSymbolParams, token) => (token.isCancellationRequested ? [] : index.symbols(params.query, () => token.isCancellationRequested))),
);

// --- Documents ---------------------------------------------------------------------

documents.onDidOpen((e) => {
  scheduler.validateNow(e.document);
  summariseOpen(e.document, 0);
});
documents.onDidChangeContent((e) => {
  if (settings.validate === 'onType') scheduler.schedule(e.document);
  summariseOpen(e.document, INDEX_DEBOUNCE_MS);
});
documents.onDidSave((e) => scheduler.validateNow(e.document));
documents.onDidClose((e) => {
  scheduler.cancel(e.document.uri);
  service.forget(e.document.uri);
  clearTimeout(indexTimers.get(e.document.uri));
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  void index.closeDocument(indexUriOf(e.document.uri)).then(() => notifyIndex([indexUriOf(e.document.uri)]));
});

// --- Requests: documents.get(uri) or an empty result; cancelled requests return early.
// Every handler goes through `guard` (requestGuard.ts): parameters checked, exceptions logged.

/**
 * A request on one open document, through the guard (which also answers a request cancelled
 * before it ran): `empty` for a document that is not open or a request cancelled meanwhile.
 */
function onDocument<P extends { textDocument: { uri: string } }, R, E>(
  method: string,
  needs: readonly ParamShape[],
  empty: E,
  answer: (doc: ChunkedDocument, params: P, token: CancellationToken) => R,
): (params: P, token: CancellationToken) => R | E {
  return guard(method, ['textDocument', ...needs], (params: P, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc && !token.isCancellationRequested ? answer(doc, params, token) : empty;
  });
}

connection.onDocumentSymbol(onDocument('textDocument/documentSymbol', [], [], (doc) => service.getDocumentSymbols(doc)));
connection.onHover(onDocument('textDocument/hover', ['position'], null, (doc, params: HoverParams) => service.getHover(doc, params.position)));
connection.onFoldingRanges(onDocument('textDocument/foldingRange', [], [], (doc, _params: FoldingRangeParams, token) => service.getFoldingRanges(doc, token)));
connection.onSelectionRanges(onDocument('textDocument/selectionRange', ['positions'], [], (doc, params: SelectionRangeParams) => service.getSelectionRanges(doc, params.positions)));
connection.onCodeAction(
  onDocument('textDocument/codeAction', ['range', 'context'], [], (doc, params: CodeActionParams) => service.getCodeActions(doc, params.range, params.context.diagnostics, params.context.only)),
);
connection.onCompletion(onDocument('textDocument/completion', ['position'], [], (doc, params: CompletionParams) => service.getCompletions(doc, params.position)));
connection.onDocumentFormatting(onDocument('textDocument/formatting', [], [], (doc) => service.formatDocument(doc)));
connection.onDocumentRangeFormatting(onDocument('textDocument/rangeFormatting', ['range'], [], (doc, params: DocumentRangeFormattingParams) => service.formatRange(doc, params.range)));
connection.onCodeLens(onDocument('textDocument/codeLens', [], [], (doc) => service.getCodeLenses(doc)));
connection.onDocumentHighlight(
  onDocument('textDocument/documentHighlight', ['position'], [], (doc, params: DocumentHighlightParams, token) => service.getDocumentHighlights(doc, params.position, token)),
);
connection.onRequest(
  DocumentSummaryRequest,
  guard('imr/documentSummary', ['uri'], (params: DocumentSummaryParams): LetterSummary[] => {
    const doc = documents.get(params.uri);
    if (doc) return summarizeDocument(doc.uri, service.parse(doc), service.getDiagnostics(doc));
    // Not open: answer from the workspace index.
    return index.file(params.uri)?.letters ?? [];
  }),
);
// A request no handler serves: say which, in the log and in the answer.
connection.onRequest((method) => {
  const message = `${method}: unknown request (the IMR language server does not serve it)`;
  connection.console.warn(message);
  throw new ResponseError(ErrorCodes.MethodNotFound, message);
});

documents.listen(connection);
connection.listen();
