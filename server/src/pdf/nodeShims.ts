/**
 * pdfjs 4 reaches Node built-ins through `process.getBuiltinModule` (Node >= 20.16). Older
 * hosts (an editor's bundled Node) lack it: supply it from `require`, which the CommonJS
 * bundle has. Runs before pdfjs's own module code.
 */
const proc = process as unknown as { getBuiltinModule?: (name: string) => unknown };
if (typeof proc.getBuiltinModule !== 'function' && typeof require === 'function') {
  proc.getBuiltinModule = (name: string) => require(name);
}
export {};
