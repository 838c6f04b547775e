/**
 * Names the treatment of a disputed item from its title: the drug (brand and generic)
 * or the service, its category, and the dose, quantity and frequency where written.
 */
import type { Treatment } from '../model';
import { findDrug } from './drugs';

const CATEGORY_RULES: Array<[RegExp, string]> = [
  // Before the rest: "Transportation to the surgery center", "Home health aide after surgery".
  [/\b(transportation)\b/i, 'Transportation'],
  [/\b(home health|home care|caregiver)\b/i, 'Home Health'],
  [/\b(MRI|MRA|MR arthrogram|arthrogram|myelogram|CT scan|CT|X-?rays?|radiograph|ultrasound|bone scan|imaging)\b/i, 'Diagnostic Testing'],
  [/\b(EMG|NCV|NCS|nerve conduction|electromyograph)/i, 'Diagnostic Testing'],
  [/\b(urine drug|drug screen|lab|labs|blood test|panel|toxicology|vitamin D|hemoglobin A1c|HbA1c|A1c|CBC|CMP|liver function|serum)\b/i, 'Diagnostic Testing'],
  [/\b(TENS|interferential|H-wave|stimulat)/i, 'DMEPOS'],
  [/\b(brace|orthotic|orthosis|LSO|splint|strap|sling|collar|cane|walker|wheelchair|DME|cold therapy|hot\/cold|cryotherapy|pillow|mattress|unit|scooter|power chair|kit)\b/i, 'DMEPOS'],
  [/\b(injection|epidural|ESI|block|radiofrequency|ablation|rhizotomy|trigger point)/i, 'Injection'],
  [/\b(acupuncture)\b/i, 'Rehabilitation'],
  [/\b(chiropractic|manipulation)\b/i, 'Rehabilitation'],
  [/\b(physical therapy|occupational therapy|PT|OT|aquatic therapy|therapy sessions?)\b/i, 'Rehabilitation'],
  [/\b(psycholog|psychiatr|psychotherap|cognitive behavio|CBT|biofeedback)/i, 'Psych Services'],
  [/\b(functional restoration|work hardening|work conditioning|program)\b/i, 'Programs'],
  [/\b(?:surgery|surgical|arthroscop[a-z]*|arthroplasty|fusion|discectomy|laminectomy|replacement|repair|release|decompression|[a-z]+ectomy|[a-z]+otomy)\b/i, 'Surgery'],
  [/\b(consult(?:ation)?s?|evaluation|follow-?up|office visit|referral|clearance)\b/i, 'Evaluation & Management'],
  [/\b(cream|gel|patch|ointment|lotion|compound|topical)\b/i, 'Pharmaceuticals'],
];

/** A compounded product names several drugs: the product is the treatment, not its first ingredient. */
const COMPOUND = /\bcompound(?:ed)?\b/i;
/** `5%` and `180gm` end at a non-letter (a `\b` would not match after `%`). */
const DOSE = /\b\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?\s?(?:mg|mcg|ml|gm|g|%|units?)(?![A-Za-z])/i;
/** `#120` wins over a count earlier in the title ("1-2 tablets ... #120"). */
const COUNT = /#\s?\d+\b/;
const QUANTITY = /(?:#\s?\d+|\bQTY:?\s?\d+|\bx\s?\d+(?:\s?(?:sessions?|visits?|days?|weeks?))?|\b\d+\s(?:sessions?|visits?|tablets?|capsules?|refills?|patches?))\b/i;
const FREQUENCY = /\b(?:t\.?i\.?d\.?|b\.?i\.?d\.?|q\.?i\.?d\.?|q\.?d\.?|q\.?h\.?s\.?|p\.?r\.?n\.?|q\s?\d+(?:-\d+)?\s?h(?:ours?|rs?)?|every \d+(?:-\d+)? hours?|(?:once|twice|one|two|three|four) (?:a |per )?(?:day|daily|week|weekly)|\d+\s?(?:x|times)\s?(?:\/|a |per )?(?:day|week|month)|\d+x\d+|daily|nightly|at bedtime)(?![A-Za-z])/i;

/** "8 sessions of aquatic therapy": a count before the service. */
const LEAD_COUNT = /^(\d+ (?:sessions?|visits?|treatments?)) of /i;
/** Where a service name ends: at a dose, count, quantity or parenthesis. */
const NAME_END = /\s(?:\d|#|\(|x\s?\d|QTY)/i;

export function readTreatment(title: string): Treatment | null {
  // Titles are short; cap what the patterns see so no input can make them slow.
  const t = (title.length > 300 ? title.slice(0, 300) : title).trim();
  if (!t) return null;
  const compound = COMPOUND.test(t);
  const drug = compound ? undefined : findDrug(t);
  // "8 sessions of aquatic therapy": the count is the quantity, the rest names the service.
  const lead = LEAD_COUNT.exec(t);
  // "Topical compound: Flurbiprofen 20%/Lidocaine 5% ...": the product is named before the colon.
  const named = compound && t.indexOf(':') > 0 ? t.slice(0, t.indexOf(':')) : lead ? t.slice(lead[0].length) : t;
  const treatment: Treatment = { name: drug ? drug.name : serviceName(named) };
  if (drug) {
    treatment.generic = drug.entry.generic;
    if (drug.isBrand) treatment.brand = drug.name;
    treatment.drugClass = drug.entry.drugClass;
    treatment.category = 'Pharmaceuticals';
  } else if (compound) {
    treatment.drugClass = 'Topical Compounds';
    treatment.category = 'Pharmaceuticals';
  } else {
    const category = categoryOf(t);
    if (category) treatment.category = category;
  }
  const dose = DOSE.exec(t);
  if (dose) treatment.dose = dose[0];
  // A brand that holds a number sign ("Tylenol #3") is not a count.
  const rest = drug && drug.name.includes('#') ? t.slice(t.indexOf(drug.name) + drug.name.length) : t;
  const qty = lead ? [lead[1]] : (COUNT.exec(rest) ?? QUANTITY.exec(rest));
  if (qty) treatment.quantity = qty[0];
  const freq = FREQUENCY.exec(t);
  if (freq) treatment.frequency = freq[0];
  return treatment;
}

/**
 * Where the service itself ends and what comes with it begins: "knee arthroplasty | with a
 * cold therapy unit", "subacromial injection | under ultrasound guidance".
 */
const ATTACHMENT = /\s(?:with|under|using|via|including|after|following|plus)\s/i;
/** Imaging that only guides a procedure does not make the item a diagnostic test. */
const GUIDANCE = /\b(?:ultrasound|fluoroscop[a-z]*|CT|MRI)[- ]guid(?:ed|ance)\b/gi;

/**
 * The category of a service, from what the title names first: the service before its
 * attachments decides, and only when it names nothing known does the whole title.
 */
function categoryOf(title: string): string | undefined {
  const text = title.replace(GUIDANCE, ' ');
  const attached = text.search(ATTACHMENT);
  const head = attached > 0 ? text.slice(0, attached) : text;
  for (const part of attached > 0 ? [head, text] : [text]) {
    for (const [re, category] of CATEGORY_RULES) if (re.test(part)) return category;
  }
  return undefined;
}

/** Words a name cut at a number may be left ending with: "arthroplasty with | 3 day stay". */
const DANGLING_WORDS = new Set(['with', 'and', 'in', 'for', 'of', 'at', 'to', 'x', 'per', 'every', 'over', 'times', 'or', 'plus', 'the', 'a']);

/** The service name: the title up to the first dose, quantity or parenthesis. */
function serviceName(title: string): string {
  const cut = title.search(NAME_END);
  let name = (cut > 0 ? title.slice(0, cut) : title).trim();
  // A cut before a number can leave a connecting word at the end; drop it (a few at most).
  for (let i = 0; i < 3; i++) {
    const space = name.lastIndexOf(' ');
    if (space <= 0 || !DANGLING_WORDS.has(name.slice(space + 1).toLowerCase())) break;
    name = name.slice(0, space).trimEnd();
  }
  // The trailing-punctuation replace only when the name ends in punctuation (it is slow on every title).
  const last = name.charCodeAt(name.length - 1);
  return (last === 44 || last === 58 || last === 59 ? name.replace(/(?<![,:;])[,:;]+$/, '') : name).trim();
}
