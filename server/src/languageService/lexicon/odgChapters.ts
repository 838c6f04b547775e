/**
 * The chapters of the Official Disability Guidelines (ODG), so a citation's chapter is read
 * whole: `Knee & Leg (Acute & Chronic)`, `Forearm, Wrist, & Hand`, `Neck and Upper Back`,
 * not just its first word. Chapter names are facts of the guideline; the spellings letters
 * use vary in `&` / `and`, commas, dashes and the `(Acute & Chronic)` tail.
 */

/** Longer names first where one name starts another (`Knee & Leg` before `Knee`). */
const ODG_CHAPTER_NAMES = [
  'Ankle & Foot',
  'Burns',
  'Carpal Tunnel Syndrome',
  'Chronic Pain',
  'Elbow',
  'Eye',
  'Fitness for Duty',
  'Forearm, Wrist, & Hand',
  'Head',
  'Hernia',
  'Hip & Pelvis',
  'Knee & Leg',
  'Low Back - Lumbar & Thoracic',
  'Low Back',
  'Mental Illness & Stress',
  'Neck and Upper Back',
  'Pain',
  'Pulmonary',
  'Shoulder',
  'Traumatic Brain Injury',
  'Knee',
  'Hip',
  'Neck',
  'Ankle',
  'Foot',
  'Forearm',
  'Wrist',
  'Hand',
];

/**
 * One name as a pattern: the words in order, each gap allowing a comma, `&` or `and`, or a
 * dash, so `Knee & Leg`, `Knee and Leg` and `Forearm, Wrist & Hand` all match.
 */
function namePattern(name: string): string {
  // The dash first: otherwise the space before it splits and the dash becomes a word.
  return name.split(/ - |,? (?:& |and )?/).join(WORD_GAP);
}
const WORD_GAP = '(?:\\s*,)?(?:\\s+(?:(?:&|and)\\s+)?|\\s*[-\u2013]\\s*)';

/**
 * `ODG` or `Official Disability Guidelines (ODG)`, an optional comma and `the`, a chapter
 * name, its optional `(Acute & Chronic)` / `(Chronic)` tail and an optional `Chapter` (which
 * the tail may follow instead).
 * Group 1 is the chapter as written. Exported so the regex guard exercises it.
 */
export const ODG_NAMED_CHAPTER = new RegExp(
  `\\b(?:ODG|Official Disability Guidelines(?:\\s*\\(ODG\\))?)(?:\\s*,)?\\s+(?:the\\s+)?((?:${ODG_CHAPTER_NAMES.map(namePattern).join('|')})(?:\\s*\\((?:Acute\\s*(?:&|and)\\s*)?Chronic\\))?)(?![A-Za-z])(?:\\s+Chapter\\b(?:\\s*\\((?:Acute\\s*(?:&|and)\\s*)?Chronic\\))?)?`,
  'i',
);
