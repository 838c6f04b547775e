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
