/**
 * Custom requests between the client (tree view, status bar) and the server. Shared by
 * both sides; plain types only.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Outcome, Treatment, LayoutKind } from './languageService/model';

export interface ItemSummary {
  title: string;
  outcome: Outcome | null;
  outcomeText?: string;
  treatment: Pick<Treatment, 'name' | 'generic' | 'category' | 'drugClass'> | null;
  /** The item heading, for reveal. */
  headingRange: Range;
  titleRange: Range;
  /** The PDF page of the item's heading, for a PDF letter read from disk. */
  page?: number;
}

export interface LetterSummary {
  uri: string;
  /** Index of the letter within its file (files may hold several letters). */
  index: number;
  caseNumber?: string;
  layout: LayoutKind;
  range: Range;
  items: ItemSummary[];
  errorCount: number;
}

/** `imr/documentSummary`: the letters of one document (open or on disk). */
export const DocumentSummaryRequest = 'imr/documentSummary';
export interface DocumentSummaryParams {
  uri: string;
}

/**
 * `imr/workspaceLetters`: every letter the server's workspace index holds (files on disk
 * in the workspace folders, with open documents' unsaved text taking precedence).
 */
export const WorkspaceLettersRequest = 'imr/workspaceLetters';

/** `imr/indexChanged` (server -> client): the index changed; `uris` lists changed files (all when absent). */
export const IndexChangedNotification = 'imr/indexChanged';
export interface IndexChangedParams {
  uris?: string[];
  /** Letters indexed so far, and files indexed / total while indexing is under way. */
  letterCount: number;
  filesIndexed: number;
  filesTotal: number;
  indexing: boolean;
}

/** `imr/reindex` (client -> server request): drop the index and rebuild it. */
export const ReindexRequest = 'imr/reindex';
/** Result of `imr/reindex`, sent once the rebuild has finished. */
export interface ReindexResult {
  letterCount: number;
}

/** `imr/extractPdf`: text of a PDF letter, for the read-only `imr-pdf:` documents. */
export const ExtractPdfRequest = 'imr/extractPdf';
export interface ExtractPdfParams {
  /** file: URI of the PDF. */
  uri: string;
}
export interface ExtractPdfResult {
  text: string;
  /** 1-based page number of each line of `text`. */
  pageOfLine: number[];
  pageCount: number;
}
