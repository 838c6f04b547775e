/** A small built-in drug lexicon: brand and generic names with their class. */
import { scanWords } from '../text/words';

export interface DrugEntry {
  generic: string;
  brands: string[];
  drugClass: string;
}

export const DRUGS: DrugEntry[] = [
  { generic: 'carisoprodol', brands: ['Soma'], drugClass: 'Muscle Relaxant' },
  { generic: 'cyclobenzaprine', brands: ['Flexeril', 'Fexmid', 'Amrix'], drugClass: 'Muscle Relaxant' },
  { generic: 'tizanidine', brands: ['Zanaflex'], drugClass: 'Muscle Relaxant' },
  { generic: 'methocarbamol', brands: ['Robaxin'], drugClass: 'Muscle Relaxant' },
  { generic: 'orphenadrine', brands: ['Norflex'], drugClass: 'Muscle Relaxant' },
  { generic: 'metaxalone', brands: ['Skelaxin'], drugClass: 'Muscle Relaxant' },
  { generic: 'baclofen', brands: ['Lioresal'], drugClass: 'Muscle Relaxant' },
  { generic: 'diazepam', brands: ['Valium'], drugClass: 'Benzodiazepine' },
  { generic: 'alprazolam', brands: ['Xanax'], drugClass: 'Benzodiazepine' },
  { generic: 'lorazepam', brands: ['Ativan'], drugClass: 'Benzodiazepine' },
  { generic: 'clonazepam', brands: ['Klonopin'], drugClass: 'Benzodiazepine' },
  { generic: 'temazepam', brands: ['Restoril'], drugClass: 'Benzodiazepine' },
  { generic: 'hydrocodone/acetaminophen', brands: ['Norco', 'Vicodin', 'Lortab'], drugClass: 'Opioids' },
  { generic: 'oxycodone', brands: ['OxyContin', 'Roxicodone'], drugClass: 'Opioids' },
  { generic: 'oxycodone/acetaminophen', brands: ['Percocet', 'Endocet'], drugClass: 'Opioids' },
  { generic: 'tramadol', brands: ['Ultram', 'Ultram ER'], drugClass: 'Opioids' },
  { generic: 'tramadol/acetaminophen', brands: ['Ultracet'], drugClass: 'Opioids' },
  { generic: 'acetaminophen/codeine', brands: ['Tylenol #3', 'Tylenol #4', 'Tylenol with Codeine'], drugClass: 'Opioids' },
  { generic: 'hydrocodone/ibuprofen', brands: ['Vicoprofen'], drugClass: 'Opioids' },
  { generic: 'oxymorphone', brands: ['Opana', 'Opana ER'], drugClass: 'Opioids' },
  { generic: 'tapentadol', brands: ['Nucynta'], drugClass: 'Opioids' },
  { generic: 'morphine', brands: ['MS Contin', 'Kadian'], drugClass: 'Opioids' },
  { generic: 'hydromorphone', brands: ['Dilaudid'], drugClass: 'Opioids' },
  { generic: 'fentanyl', brands: ['Duragesic'], drugClass: 'Opioids' },
  { generic: 'buprenorphine', brands: ['Butrans', 'Suboxone'], drugClass: 'Opioids' },
  { generic: 'methadone', brands: ['Dolophine'], drugClass: 'Opioids' },
  { generic: 'gabapentin', brands: ['Neurontin', 'Gralise'], drugClass: 'Anti-epilepsy Drug' },
  { generic: 'pregabalin', brands: ['Lyrica'], drugClass: 'Anti-epilepsy Drug' },
  { generic: 'topiramate', brands: ['Topamax'], drugClass: 'Anti-epilepsy Drug' },
  { generic: 'ibuprofen', brands: ['Motrin', 'Advil'], drugClass: 'NSAID' },
  { generic: 'naproxen', brands: ['Naprosyn', 'Anaprox', 'Aleve'], drugClass: 'NSAID' },
  { generic: 'meloxicam', brands: ['Mobic'], drugClass: 'NSAID' },
  { generic: 'diclofenac', brands: ['Voltaren', 'Flector', 'Pennsaid'], drugClass: 'NSAID' },
  { generic: 'celecoxib', brands: ['Celebrex'], drugClass: 'NSAID' },
  { generic: 'ketorolac', brands: ['Toradol'], drugClass: 'NSAID' },
  { generic: 'flurbiprofen', brands: ['Ansaid'], drugClass: 'NSAID' },
  { generic: 'ketoprofen', brands: ['Orudis'], drugClass: 'NSAID' },
  { generic: 'acetaminophen', brands: ['Tylenol'], drugClass: 'Analgesic' },
  { generic: 'etodolac', brands: ['Lodine'], drugClass: 'NSAID' },
  { generic: 'nabumetone', brands: ['Relafen'], drugClass: 'NSAID' },
  { generic: 'omeprazole', brands: ['Prilosec'], drugClass: 'Proton Pump Inhibitors' },
  { generic: 'pantoprazole', brands: ['Protonix'], drugClass: 'Proton Pump Inhibitors' },
  { generic: 'esomeprazole', brands: ['Nexium'], drugClass: 'Proton Pump Inhibitors' },
  { generic: 'lansoprazole', brands: ['Prevacid'], drugClass: 'Proton Pump Inhibitors' },
  { generic: 'ranitidine', brands: ['Zantac'], drugClass: 'H2 Blocker' },
  { generic: 'famotidine', brands: ['Pepcid'], drugClass: 'H2 Blocker' },
  { generic: 'ondansetron', brands: ['Zofran'], drugClass: 'Antiemetic' },
  { generic: 'lidocaine', brands: ['Lidoderm'], drugClass: 'Topical Analgesic' },
  { generic: 'methyl salicylate/capsaicin/menthol/lidocaine', brands: ['Terocin'], drugClass: 'Topical Compounds' },
  { generic: 'capsaicin', brands: ['Zostrix'], drugClass: 'Topical Analgesic' },
  { generic: 'duloxetine', brands: ['Cymbalta'], drugClass: 'Antidepressant' },
  { generic: 'venlafaxine', brands: ['Effexor', 'Effexor XR'], drugClass: 'Antidepressant' },
  { generic: 'bupropion', brands: ['Wellbutrin'], drugClass: 'Antidepressant' },
  { generic: 'amitriptyline', brands: ['Elavil'], drugClass: 'Antidepressant' },
  { generic: 'nortriptyline', brands: ['Pamelor'], drugClass: 'Antidepressant' },
  { generic: 'trazodone', brands: ['Desyrel'], drugClass: 'Antidepressant' },
  { generic: 'sertraline', brands: ['Zoloft'], drugClass: 'Antidepressant' },
  { generic: 'zolpidem', brands: ['Ambien'], drugClass: 'Hypnotic' },
  { generic: 'eszopiclone', brands: ['Lunesta'], drugClass: 'Hypnotic' },
  { generic: 'docusate', brands: ['Colace'], drugClass: 'Laxative' },
  { generic: 'sennosides', brands: ['Senokot'], drugClass: 'Laxative' },
  { generic: 'methylprednisolone', brands: ['Medrol'], drugClass: 'Corticosteroid' },
];

/** Every name of each drug (generic and brands), lower case. */
const byName = new Map<string, DrugEntry>();
for (const d of DRUGS) for (const n of [d.generic, ...d.brands]) byName.set(n.toLowerCase(), d);

/**
 * The shape of every name: first and last character and length. Callers look up every word
 * of a case summary; a shape no name has rules a word out without slicing or case-folding it.
 */
const shapes = new Set<number>();
for (const name of byName.keys()) shapes.add(shapeOf(name, 0, name.length));

/** ASCII folded to lower case; -1 for other characters (case folding may map them to ASCII). */
function foldAscii(c: number): number {
  if (c >= 128) return -1;
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** The shape of text[from, to), or -1 when it cannot be told without folding the text. */
function shapeOf(text: string, from: number, to: number): number {
  const first = foldAscii(text.charCodeAt(from));
  const last = foldAscii(text.charCodeAt(to - 1));
  if (first < 0 || last < 0 || to - from >= 64) return -1;
  return (first * 128 + last) * 64 + (to - from);
}

/** lookupDrug(text.slice(from, to)), without the slice for words no name is shaped like. */
export function lookupDrugIn(text: string, from: number, to: number): DrugEntry | undefined {
  if (to <= from) return undefined;
  const shape = shapeOf(text, from, to);
  if (shape >= 0 && !shapes.has(shape)) return undefined;
  return byName.get(text.slice(from, to).toLowerCase());
}

/** Looks a single drug name (brand or generic, any case) up. */
export function lookupDrug(name: string): DrugEntry | undefined {
  return lookupDrugIn(name, 0, name.length);
}

/** What may follow a word to make a two-word brand ("MS Contin", "Ultram ER", "Tylenol #3"). */
const BRAND_SUFFIX = / (?:ER|XR|CR|Contin|#\d(?!\d)|[Ww]ith [Cc]odeine)/y;
/** The first characters BRAND_SUFFIX can match after its space. */
const SUFFIX_START = new Set([...'EXC#wW'].map((c) => c.charCodeAt(0)));

/** Where a brand suffix after the word ending at `j` ends (`Tylenol| #3`, `MS| Contin`), or `j` when none follows. */
function brandSuffixEnd(text: string, j: number): number {
  BRAND_SUFFIX.lastIndex = j;
  return BRAND_SUFFIX.test(text) ? BRAND_SUFFIX.lastIndex : j;
}

/**
 * Finds the first lexicon drug named in `text`, with the name as written. Looks the words
 * (plus a brand suffix) up in place: a regex match per word allocated a result for every
 * word of every title.
 */
export function findDrug(text: string): { entry: DrugEntry; name: string; isBrand: boolean } | undefined {
  let found: { entry: DrugEntry; name: string; isBrand: boolean } | undefined;
  scanWords(text, 0, text.length, (i, j) => {
    const k = brandSuffixEnd(text, j);
    // Two-word brands first, then the first word alone.
    const whole = k > j ? lookupDrugIn(text, i, k) : undefined;
    const entry = whole ?? lookupDrugIn(text, i, j);
    if (!entry) return k;
    const name = text.slice(i, whole ? k : j);
    found = { entry, name, isBrand: entry.generic.toLowerCase() !== name.toLowerCase() };
    return -1;
  });
  return found;
}

/** The words of a text that name drugs, in text order, as parallel arrays (no object per word). */
export interface DrugWords {
  at: number[];
  end: number[];
  entry: DrugEntry[];
}

/**
 * Every word of `text` of three characters or more (a run of ASCII letters and hyphens
 * starting with a letter), or two-word brand, that names a drug: one pass, each word ruled
 * out by its shape before any slice. A plain loop in this module: a callback per word, or a
 * helper imported from another module, cost more than the lookups.
 */
export function drugWords(text: string): DrugWords {
  const found: DrugWords = { at: [], end: [], entry: [] };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i) | 32;
    if (c0 < 97 || c0 > 122) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      const lower = c | 32;
      if ((lower < 97 || lower > 122) && c !== 45) break;
      j++;
    }
    // A two-word brand ("Tylenol #3", "MS Contin") names its own drug, which may not be the
    // first word's ("Tylenol" alone is acetaminophen): read it whole, as findDrug does for titles.
    // A cheap look at the next two characters spares most words the suffix test.
    if (j - i >= 2 && text.charCodeAt(j) === 32 && SUFFIX_START.has(text.charCodeAt(j + 1))) {
      const k = brandSuffixEnd(text, j);
      const whole = k > j ? lookupDrugIn(text, i, k) : undefined;
      if (whole) {
        found.at.push(i);
        found.end.push(k);
        found.entry.push(whole);
        i = k;
        continue;
      }
    }
    // lookupDrugIn rules most words out by their shape before any slice.
    const entry = j - i < 3 ? undefined : lookupDrugIn(text, i, j);
    if (entry) {
      found.at.push(i);
      found.end.push(j);
      found.entry.push(entry);
    }
    i = j;
  }
  return found;
}
