/** The client's page maps (no VS Code needed: they only use its types). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { forgetPageMap, pageOf, setPageMap, withPdfPageDetails, withPdfPages } from '../../client/src/pdf/pageMaps';

const uri = (s: string) => ({ toString: () => s }) as unknown as vscode.Uri;
const diagnostic = (line: number, message: string) => ({ message, range: { start: { line, character: 0 } } }) as unknown as vscode.Diagnostic;

test('page of a line, clamped to the document; unknown documents have none', () => {
  const doc = uri('imr-pdf:/letters/a.pdf');
  setPageMap(doc, { pageOfLine: [1, 1, 2, 2, 3], pageCount: 3 });
  assert.deepEqual(pageOf(doc, 2), { page: 2, pageCount: 3 });
  assert.deepEqual(pageOf(doc, 99), { page: 3, pageCount: 3 });
  assert.equal(pageOf(uri('file:///a.imr'), 0), undefined);
  forgetPageMap(doc);
  assert.equal(pageOf(doc, 2), undefined);
});

test('diagnostics of a PDF letter name their page; other documents are left alone', () => {
  const doc = uri('imr-pdf:/letters/b.pdf');
  setPageMap(doc, { pageOfLine: [1, 2, 2], pageCount: 2 });
  const out = withPdfPages(doc, [diagnostic(0, 'No case number.'), diagnostic(2, 'Item has no "Decision rationale:".')]);
  assert.deepEqual(out.map((d) => d.message), ['No case number. (PDF page 1)', 'Item has no "Decision rationale:". (PDF page 2)']);
  const text = withPdfPages(uri('file:///c.imr'), [diagnostic(0, 'Unchanged.')]);
  assert.equal(text[0].message, 'Unchanged.');
});

test('outline entries of a PDF letter name the page they start on, children too; other documents are left alone', () => {
  const symbol = (name: string, line: number, detail: string, children: vscode.DocumentSymbol[] = []) =>
    ({ name, detail, range: { start: { line, character: 0 } }, children }) as unknown as vscode.DocumentSymbol;
  const doc = uri('imr-pdf:/letters/d.pdf');
  setPageMap(doc, { pageOfLine: [1, 1, 2, 3, 3], pageCount: 3 });
  const outline = [symbol('DECISIONS', 1, '', [symbol('Soma 350 mg #60', 2, 'Upheld'), symbol('MRI lumbar spine', 4, 'Overturned')])];
  const out = withPdfPageDetails(doc, outline);
  assert.equal(out[0].detail, 'p. 1');
  assert.deepEqual(out[0].children.map((c) => c.detail), ['Upheld · p. 2', 'Overturned · p. 3']);
  const text = withPdfPageDetails(uri('file:///e.imr'), [symbol('Item', 0, 'Upheld')]);
  assert.equal(text[0].detail, 'Upheld');
});
