/** The output formats by name. */
import { csvFormat } from './csv';
import { jsonFormat } from './json';
import { sarifFormat } from './sarif';
import { textFormat } from './text';
import type { FormatName, Formatter } from './types';

export const FORMATS: Record<FormatName, Formatter> = { text: textFormat, json: jsonFormat, sarif: sarifFormat, csv: csvFormat };
export { FORMAT_NAMES, type FormatName, type Formatter, type SkippedFile } from './types';
