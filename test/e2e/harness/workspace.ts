/**
 * A throwaway workspace of letters and a fresh editor profile, made at test time from the
 * read-only seeds (never copied into the repo): four seeds as .txt, one renamed to .imr, and
 * a broken letter (a seed with a section heading deleted and an item's outcome removed).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from './codeServer';
import { SEEDS_DIR } from './paths';

export interface Workspace {
  root: string;
  folder: string;
  profile: Profile;
  /** Seed prefix ('000'..'004') -> file name inside the folder. */
  letters: Record<string, string>;
  broken: string;
}

/** Which seed is stored with the .imr extension (detected by extension, no settings needed). */
export const IMR_EXTENSION_SEED = '002';
export const BROKEN_FROM_SEED = '000';

export function seedFile(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!name) throw new Error(`no seed starting with ${prefix} in ${SEEDS_DIR}`);
  return join(SEEDS_DIR, name);
}

/** Deletes the CLINICAL CASE SUMMARY heading and the outcome of the Flexeril item of seed 000. */
export function breakLetter(text: string): string {
  const lines = text.split('\n');
  const heading = lines.findIndex((l) => l.trim() === 'CLINICAL CASE SUMMARY');
  const item = lines.findIndex((l) => l.trim() === 'Flexeril 10mg #30: Upheld');
  if (heading < 0 || item < 0) throw new Error('seed 000 no longer has the lines the broken letter is made from');
  lines[item] = 'Flexeril 10mg #30:';
  lines.splice(heading, 1);
  return lines.join('\n');
}

export function userSettings(): Record<string, unknown> {
  return {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.commandCenter.enabled': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 300,
    // No files.associations: .txt letters must switch to IMR by their first line alone.
  };
}

export function makeWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'imr-e2e-'));
  const folder = join(root, 'letters');
  mkdirSync(folder);
  const letters: Record<string, string> = {};
  for (const prefix of ['000', '001', '002', '003', '004']) {
    const name = prefix === IMR_EXTENSION_SEED ? `letter-${prefix}.imr` : `letter-${prefix}.txt`;
    copyFileSync(seedFile(prefix), join(folder, name));
    letters[prefix] = name;
  }
  const broken = 'broken-letter.txt';
  writeFileSync(join(folder, broken), breakLetter(readFileSync(seedFile(BROKEN_FROM_SEED), 'utf8')));

  const profile: Profile = { userDataDir: join(root, 'user-data'), extensionsDir: join(root, 'extensions'), xdgDir: join(root, 'xdg') };
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings(), null, 2));
  return { root, folder, profile, letters, broken };
}

/** 1-based number of the first line of a workspace file whose trimmed text equals `text`. */
export function lineOf(ws: Workspace, fileName: string, text: string): number {
  const lines = readFileSync(join(ws.folder, fileName), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.trim() === text);
  if (i < 0) throw new Error(`${fileName} has no line "${text}"`);
  return i + 1;
}
