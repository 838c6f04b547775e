// Bundles the client, the server and the CLI into one file each with esbuild.
// `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/imrLint.ts'], outfile: 'dist/imr-lint.js' },
  { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/imr-lint-worker.js' },
  { entryPoints: ['server/src/workspace/indexWorker.ts'], outfile: 'dist/index-worker.js' },
  // pdfjs, loaded lazily by server/src/pdf/loadPdfjs.ts on the first PDF (kept out of server.js).
  { entryPoints: ['server/src/pdf/pdfjsEntry.ts'], outfile: 'dist/pdf.js', sourcemap: false, minify: true, logOverride: { 'empty-import-meta': 'silent' } },
];

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
