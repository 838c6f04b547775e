/** Access to the five reference letters in ../shared/seeds (read-only). */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SEEDS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'seeds');

export function seedNames(): string[] {
  if (!existsSync(SEEDS_DIR)) throw new Error(`seed letters not found at ${SEEDS_DIR}`);
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function readSeed(prefix: string): string {
  const name = seedNames().find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed starting with ${prefix}`);
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** What each seed must parse to: item titles and outcomes, in order. */
export const SEED_EXPECTATIONS: Record<string, Array<[string, 'Upheld' | 'Overturned']>> = {
  '000': [['Soma #60', 'Upheld'], ['Flexeril 10mg #30', 'Upheld']],
  '001': [['Soma 350 mg #60', 'Upheld'], ['Norco 10/325mg #60', 'Upheld']],
  '002': [['Flexeril #60', 'Overturned']],
  '003': [
    ['Valium 10mg (Retro Dispensed 08/07/14)', 'Upheld'],
    ['Soma 350mg (Retro Dispensed 08/07/14)', 'Upheld'],
    ['Oxycodone 30mg', 'Upheld'],
    ['Zanaflex 4mg', 'Upheld'],
  ],
  '004': [['Soma 350mg one TID #90', 'Upheld']],
};
