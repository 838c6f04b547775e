// Times extension activation without VS Code: loads dist/client.js with a stand-in `vscode`
// module and runs activate() up to the moment the language client forks the server
// (child_process.fork is intercepted there, so no server starts). Prints JSON on stdout.
// Plain CommonJS run by bare node so no TypeScript loader sits in the timing.
'use strict';
const { performance } = require('node:perf_hooks');
const Module = require('node:module');
const cp = require('node:child_process');
const path = require('node:path');

const clientJs = process.argv[2];

/** A permissive stand-in for any vscode API: callable, constructible, every property is another stand-in. */
function stub(name) {
  const store = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_t, key) {
      if (store.has(key)) return store.get(key);
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => '';
      if (typeof key === 'symbol') return undefined;
      if (key === 'toString' || key === 'toJSON') return () => name;
      if (key === 'length') return 0;
      const child = stub(`${name}.${String(key)}`);
      store.set(key, child);
      return child;
    },
    set(_t, key, value) {
      store.set(key, value);
      return true;
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

// The bundle copies the module's own properties (esbuild's ESM interop), so the stand-in
// must be a plain object that owns every name of the API: read them from @types/vscode.
const vscode = {};
const typesFile = require.resolve('@types/vscode/index.d.ts', { paths: [path.dirname(clientJs), process.cwd()] });
const apiNames = require('node:fs').readFileSync(typesFile, 'utf8').matchAll(/^\t?export (?:class|namespace|enum|const|function|let) (\w+)/gm);
for (const m of apiNames) if (!(m[1] in vscode)) vscode[m[1]] = stub(`vscode.${m[1]}`);
vscode.version = '1.95.0';
vscode.env.appName = 'bench';
vscode.env.language = 'en';
vscode.workspace.workspaceFolders = undefined;
vscode.workspace.textDocuments = [];
vscode.window.visibleTextEditors = [];
vscode.window.activeTextEditor = undefined;
vscode.workspace.getConfiguration = () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => {} });

const realLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return realLoad.call(this, request, parent, isMain);
};

let t0 = 0;
function finish(reached, extra) {
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, reached, ...extra }) + '\n');
  process.exit(0);
}
// The language client forks the server when it starts: that is the end of activation's own work.
cp.fork = () => finish('fork');

const context = {
  subscriptions: [],
  extensionPath: path.resolve(path.dirname(clientJs), '..'),
  asAbsolutePath: (p) => path.resolve(path.dirname(clientJs), '..', p),
  globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
  extensionUri: vscode.Uri.file(path.resolve(path.dirname(clientJs), '..')),
  storageUri: undefined,
  globalStorageUri: vscode.Uri.file('/tmp'),
  logUri: vscode.Uri.file('/tmp'),
  extensionMode: 1,
  environmentVariableCollection: stub('env'),
  secrets: stub('secrets'),
};

t0 = performance.now();
const ext = require(clientJs);
const requireMs = performance.now() - t0;
Promise.resolve()
  .then(() => ext.activate(context))
  .then(
    () => finish('activate resolved', { requireMs }),
    (err) => finish('activate threw', { requireMs, error: String(err && err.stack ? err.stack : err).split('\n').slice(0, 4).join(' | ') }),
  );
