/**
 * SARIF 2.1.0 for code-scanning tools: one run, the rule set as `tool.driver.rules`, one
 * result per diagnostic with a path relative to the working folder (`%SRCROOT%`) and a
 * 1-based region (`endColumn` is the column after the last character, as SARIF says).
 * Files that could not be linted become `toolExecutionNotifications`.
 */
import { pageAt } from '../../pdf/pageMap';
import { relative, resolve, sep } from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../languageService';
import type { Severity } from '../../languageService/rules';
import { RULE_DOCS_BASE } from '../../languageService/features/diagnostics';
import { severityName } from '../letterJson';
import type { Formatter, SkippedFile } from './types';
import { TOOL_NAME, TOOL_URI, toolVersion } from '../version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export const sarifFormat: Formatter = {
  begin() {
    const driver = {
      name: TOOL_NAME,
      informationUri: TOOL_URI,
      version: toolVersion(),
      rules: RULES.map((r) => ({
        id: r.code,
        shortDescription: { text: r.description },
        helpUri: RULE_DOCS_BASE + r.code,
        defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      })),
    };
    const srcRoot = pathToFileURL(process.cwd() + sep).href;
    // Everything up to the results array; `end` closes it.
    const head = JSON.stringify({ version: '2.1.0', $schema: SARIF_SCHEMA, runs: [{ tool: { driver }, originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } }, results: [] }] });
    return head.slice(0, head.length - ']}]}'.length) + '\n';
  },
  separator: ',\n',
  file(report) {
    const uri = relativeUri(report.file);
    return report.diagnostics.map((d) => JSON.stringify(resultJson(d, uri, pageAt(report.pageOfLine, d.range.start.line)))).join(',\n');
  },
  end(problems: SkippedFile[]) {
    const notifications = problems.map((p) => ({
      level: p.problem.severity,
      message: { text: p.problem.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(p.file), uriBaseId: '%SRCROOT%' } } }],
    }));
    const invocation = { executionSuccessful: !problems.some((p) => p.problem.severity === 'error'), toolExecutionNotifications: notifications };
    return `\n], "invocations": [${JSON.stringify(invocation)}]}]}\n`;
  },
};

/** `page`: the PDF page of the problem, kept in the result's property bag (SARIF has no page field). */
function resultJson(d: Diagnostic, uri: string, page: number | undefined) {
  const code = String(d.code ?? '');
  const ruleIndex = RULES.findIndex((r) => r.code === code);
  return {
    ruleId: code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[severityName(d)],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
    ...(page !== undefined ? { properties: { pdfPage: page } } : {}),
  };
}

/** A relative URI reference (forward slashes, each segment percent-encoded). */
export function relativeUri(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return rel.split(sep).map(encodeURIComponent).join('/');
}
