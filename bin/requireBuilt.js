// Loads a bundle from dist/, or says plainly that the build has not run (instead of a bare
// "Cannot find module" stack) and exits with 2, the CLI's code for usage and I/O errors.
const { existsSync } = require('fs');
const { join } = require('path');

module.exports = function requireBuilt(command, bundleName) {
  const bundle = join(__dirname, '..', 'dist', bundleName);
  if (!existsSync(bundle)) {
    process.stderr.write(`${command}: dist/${bundleName} is missing: run \`npm run build\` first.\n`);
    process.exitCode = 2;
    return;
  }
  require(bundle);
};
