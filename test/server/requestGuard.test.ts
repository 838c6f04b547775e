/** The one guard around every request handler (server/src/requestGuard.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationToken, CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
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

test('called as vscode-jsonrpc calls handlers: (params, token), (token) without parameters; a cancelled token answers RequestCancelled', () => {
  const { lines, log } = logged();
  const guard = createRequestGuard(log);
  const seen: unknown[] = [];
  const handler = guard('imr/workspaceLetters', [], (params: unknown, token: CancellationToken) => (seen.push(params, token.isCancellationRequested), 'ok'));
  // A request without parameters: the token is the only argument.
  assert.equal((handler as unknown as (t: CancellationToken) => string)(CancellationToken.None), 'ok');
  assert.equal(handler({ a: 1 }, CancellationToken.None), 'ok');
  assert.deepEqual(seen, [undefined, false, { a: 1 }, false]);
  const source = new CancellationTokenSource();
  source.cancel();
  // vscode-languageserver's onHover & co. pass work-done and partial-result reporters after the token.
  const withReporters = handler as unknown as (p: unknown, t: CancellationToken, workDone: object, partial: object) => string;
  assert.equal(withReporters({ b: 2 }, CancellationToken.None, { begin() {} }, {}), 'ok');
  assert.deepEqual(seen.splice(4), [{ b: 2 }, false]);
  for (const call of [() => handler({ a: 1 }, source.token), () => (handler as unknown as (t: CancellationToken) => string)(source.token), () => withReporters({ a: 1 }, source.token, {}, {})]) {
    assert.throws(call, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled && e.message === 'imr/workspaceLetters: cancelled');
  }
  assert.equal(seen.length, 4, 'a cancelled request does not run');
  assert.deepEqual(lines, []);
});
