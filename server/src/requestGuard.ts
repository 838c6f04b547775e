/**
 * One guard for every request handler of the server: checks the shape of the parameters a
 * handler reads (so a malformed request gets InvalidParams naming the method and what is
 * wrong, never a raw "Cannot read properties of undefined"), and turns an unexpected
 * exception into a clear InternalError, logged with the method name. The server keeps serving.
 */
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

/** Parts of a request's parameters a handler reads. */
export type ParamShape = 'textDocument' | 'position' | 'positions' | 'range' | 'context' | 'uri' | 'query';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUinteger = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPosition = (v: unknown): boolean => isObject(v) && isUinteger(v.line) && isUinteger(v.character);
const isRange = (v: unknown): boolean => isObject(v) && isPosition(v.start) && isPosition(v.end);

function problemWith(params: Record<string, unknown>, shape: ParamShape): string | null {
  switch (shape) {
    case 'textDocument':
      return isObject(params.textDocument) && typeof params.textDocument.uri === 'string' ? null : 'textDocument.uri is missing or not a string';
    case 'uri':
      return typeof params.uri === 'string' ? null : 'uri is missing or not a string';
    case 'position':
      return isPosition(params.position) ? null : 'position is missing or not {line, character} of non-negative integers';
    case 'positions':
      return Array.isArray(params.positions) && params.positions.every(isPosition) ? null : 'positions is missing or not an array of {line, character} of non-negative integers';
    case 'range':
      return isRange(params.range) ? null : 'range is missing or not {start, end} positions of non-negative integers';
    case 'context':
      return isObject(params.context) && Array.isArray(params.context.diagnostics) ? null : 'context.diagnostics is missing or not an array';
    case 'query':
      return typeof params.query === 'string' ? null : 'query is missing or not a string';
  }
}

/** What is wrong with `params` for `method` ("<method>: <what>"), or null when it has every part `needs` names. */
export function paramsProblem(method: string, params: unknown, needs: readonly ParamShape[]): string | null {
  if (needs.length === 0) return null;
  if (!isObject(params)) return `${method}: parameters are missing or not an object`;
  const problems = needs.map((shape) => problemWith(params, shape)).filter((p): p is string => p !== null);
  return problems.length ? `${method}: ${problems.join('; ')}` : null;
}

export interface GuardLog {
  warn(message: string): void;
  error(message: string): void;
}

type Handler<P, R> = (params: P, token: CancellationToken) => R;

/**
 * Returns `guard(method, needs, handler)`: the handler wrapped so that a request cancelled
 * before it was dispatched (its `$/cancelRequest` arrived while it waited in the queue) is
 * answered with RequestCancelled without running, bad parameters are answered with
 * InvalidParams (and logged), and an exception thrown (or a promise rejected)
 * by the handler is logged with its stack and answered with InternalError naming the method.
 */
export function createRequestGuard(log: GuardLog) {
  const fail = (method: string, e: unknown): never => {
    if (e instanceof ResponseError) throw e;
    log.error(`${method}: internal error (request answered with an error, server still running): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    throw new ResponseError(ErrorCodes.InternalError, `${method}: internal error in the IMR language server (details in its log)`);
  };
  return function guard<P, R>(method: string, needs: readonly ParamShape[], handler: Handler<P, R>): Handler<P, R> {
    // vscode-jsonrpc calls a handler (params, token) for parameters by name and (token) alone
    // for a request without parameters; vscode-languageserver's onHover & co. add work-done
    // and partial-result reporters after the token.
    return ((...args: unknown[]) => {
      const at = args.findIndex((a) => CancellationToken.is(a));
      const token = at >= 0 ? (args[at] as CancellationToken) : CancellationToken.None;
      const params = (at === 0 ? undefined : args[0]) as P;
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${method}: cancelled`);
      const problem = paramsProblem(method, params, needs);
      if (problem) {
        log.warn(problem);
        throw new ResponseError(ErrorCodes.InvalidParams, problem);
      }
      try {
        const result = handler(params, token);
        // Synchronous answers stay synchronous; a promise's rejection is caught the same way.
        if (result instanceof Promise) return result.catch((e: unknown) => fail(method, e)) as R;
        return result;
      } catch (e) {
        return fail(method, e);
      }
    }) as Handler<P, R>;
  };
}
