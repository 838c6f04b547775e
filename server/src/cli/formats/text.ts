/** For people: `file:line:col severity code message`, one diagnostic a line, like compilers. */
import { severityName } from '../letterJson';
import type { Formatter } from './types';
import { pageAt } from '../../pdf/pageMap';

export const textFormat: Formatter = {
  begin: () => '',
  separator: '',
  file(report) {
    let out = '';
    for (const d of report.diagnostics) {
      const page = pageAt(report.pageOfLine, d.range.start.line);
      out += `${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${String(d.code ?? '')} ${d.message}${page ? ` (page ${page})` : ''}\n`;
    }
    return out;
  },
  end: () => '',
};
