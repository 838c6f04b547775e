/** Where the e2e test finds the repo, the cached code-server and the artifacts it writes. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..', '..');
export const SEEDS_DIR = resolve(REPO, '..', 'shared', 'seeds');
export const ARTIFACTS = join(REPO, 'test-results', 'e2e');
export const VSIX = join(REPO, 'imr-letters.vsix');
export const INSTALL_SCRIPT = join(REPO, 'scripts', 'e2e', 'install-code-server.sh');
export const CACHE = process.env.IMR_E2E_CACHE ?? join(homedir(), '.cache', 'imr-e2e');
export const CHROMIUM = process.env.IMR_E2E_CHROMIUM ?? '/usr/bin/chromium';
