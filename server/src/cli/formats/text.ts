/** For people: `file:line:col severity code message`, one diagnostic a line, like compilers. */
import { severityName } from '../letterJson';
import type { Formatter } from './types';

export const textFormat: Formatter = {
  begin: () => '',
  separator: '',
  file(report) {
    let out = '';
    for (const d of report.diagnostics) {
      out += `${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${String(d.code ?? '')} ${d.message}\n`;
    }
    return out;
  },
  end: () => '',
};
