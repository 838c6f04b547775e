/** The one guard around every request handler (server/src/requestGuard.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationToken, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { createRequestGuard, paramsProblem } from '../../server/src/requestGuard';

function logged() {
  const lines: string[] = [];
  return { lines, log: { warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } };
}

test('paramsProblem names the method and each missing or invalid part', () => {
  const uri = 'file:///a.imr';
  assert.equal(paramsProblem('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }, ['textDocument', 'position']), null);
  assert.match(paramsProblem('textDocument/hover', { textDocument: { uri } }, ['textDocument', 'position'])!, /^textDocument\/hover: position is missing/);
  assert.match(paramsProblem('textDocument/documentSymbol', null, ['textDocument'])!, /^textDocument\/documentSymbol: parameters are missing/);
  assert.match(paramsProblem('textDocument/codeAction', { textDocument: { uri } }, ['textDocument', 'range', 'context'])!, /range is missing.*; context\.diagnostics is missing/);
  assert.match(paramsProblem('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 1, character: 1.5 }] }, ['textDocument', 'positions'])!, /positions/);
  assert.equal(paramsProblem('imr/workspaceLetters', undefined, []), null);
});

test('bad parameters: InvalidParams with the message, logged as a warning; the handler is not called', () => {
  const { lines, log } = logged();
  let called = false;
  const handler = createRequestGuard(log)('textDocument/hover', ['textDocument', 'position'], () => (called = true));
  assert.throws(() => handler({ textDocument: { uri: 'file:///a.imr' } }, CancellationToken.None), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams && /^textDocument\/hover: position/.test(e.message));
  assert.equal(called, false);
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^warn textDocument\/hover: position/);
});

test('an exception in a handler: InternalError naming the method, logged with the stack, no raw TypeError text', async () => {
  const { lines, log } = logged();
  const guard = createRequestGuard(log);
  const boom = (): never => {
    throw new TypeError("Cannot read properties of undefined (reading 'line')");
  };
  const check = (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InternalError && e.message.startsWith('textDocument/hover: ') && !/Cannot read/.test(e.message);
  assert.throws(() => guard('textDocument/hover', [], boom)({}, CancellationToken.None), check);
  await assert.rejects(guard('textDocument/hover', [], async () => boom())({}, CancellationToken.None) as Promise<unknown>, check);
  assert.equal(lines.length, 2);
  for (const l of lines) assert.match(l, /^error textDocument\/hover: internal error[\s\S]*Cannot read properties[\s\S]*at /);
  // ResponseErrors a handler throws on purpose pass through unchanged.
  assert.throws(() => guard('imr/extractPdf', [], () => { throw new ResponseError(2, 'corrupt'); })({}, CancellationToken.None), (e: unknown) => e instanceof ResponseError && e.code === 2);
});
