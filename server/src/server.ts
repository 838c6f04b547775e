/**
 * The language server: thin glue between LSP and the pure language service. Runs over
 * IPC when started by the VS Code client, or over stdio (`imr-language-server --stdio`).
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from './languageService/service';
import { DocumentSummaryRequest, type DocumentSummaryParams, type LetterSummary } from './protocol';
import { summarizeDocument } from './summaries';
import { DiagnosticsScheduler } from './diagnosticsScheduler';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new LanguageService();
const scheduler = new DiagnosticsScheduler(connection, documents, service);

connection.onInitialize((): InitializeResult => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: true,
    hoverProvider: true,
  },
  serverInfo: { name: 'imr-language-server', version: '0.1.0' },
}));

documents.onDidOpen((e) => scheduler.validateNow(e.document));
documents.onDidChangeContent((e) => scheduler.schedule(e.document));
documents.onDidClose((e) => {
  scheduler.cancel(e.document.uri);
  service.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? service.getDocumentSymbols(doc) : [];
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? service.getHover(doc, params.position) : null;
});

connection.onRequest(DocumentSummaryRequest, (params: DocumentSummaryParams): LetterSummary[] => {
  const doc = documents.get(params.uri);
  return doc ? summarizeDocument(doc.uri, service.parse(doc), service.getDiagnostics(doc)) : [];
});

documents.listen(connection);
connection.listen();
