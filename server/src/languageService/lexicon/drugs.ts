/** A small built-in drug lexicon: brand and generic names with their class. */
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

const byName = new Map<string, DrugEntry>();
for (const d of DRUGS) {
  byName.set(d.generic.toLowerCase(), d);
  for (const b of d.brands) byName.set(b.toLowerCase(), d);
}

/** Looks a single drug name (brand or generic, any case) up. */
export function lookupDrug(name: string): DrugEntry | undefined {
  return byName.get(name.toLowerCase());
}

/** Finds the first lexicon drug named in `text`, with the name as written. */
export function findDrug(text: string): { entry: DrugEntry; name: string; isBrand: boolean } | undefined {
  const words = /[A-Za-z][A-Za-z-]*(?: (?:ER|XR|CR|Contin|#\d(?!\d)|[Ww]ith [Cc]odeine))?/g;
  let m: RegExpExecArray | null;
  while ((m = words.exec(text))) {
    const w = m[0];
    // Two-word brands ("MS Contin", "Ultram ER", "Tylenol #3") first, then the first word alone.
    const whole = w.indexOf(' ') > 0 ? byName.get(w.toLowerCase()) : undefined;
    const name = whole ? w : w.indexOf(' ') > 0 ? w.slice(0, w.indexOf(' ')) : w;
    const entry = whole ?? byName.get(name.toLowerCase());
    if (entry) return { entry, name, isBrand: entry.generic.toLowerCase() !== name.toLowerCase() };
  }
  return undefined;
}
