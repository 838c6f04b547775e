/** Chapter, section and pages of one guideline citation, as makeCitation reads them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCitation } from '../../../server/src/languageService/parser/citations';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const read = (text: string) => {
  const c = makeCitation(text, RANGE);
  return [c.kind, c.chapter ?? null, c.section ?? null];
};

// ODG and the 2017 ACOEM chapters have no "Section(s):" label: the topic after the chapter is the section.
const CASES: Array<[string, [string, string | null, string | null]]> = [
  ['Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Tizanidine (Zanaflex)', ['ODG', 'Pain', 'Tizanidine (Zanaflex)']],
  ['Non-MTUS Citation ODG Low Back, Lumbar supports', ['ODG', 'Low Back', 'Lumbar supports']],
  // A topic may hold a comma; a semicolon starts the next topic.
  ['Non-MTUS Citation ODG Knee & Leg, Continuous passive motion, home use; Cryotherapy', ['ODG', 'Knee', 'Continuous passive motion, home use']],
  ['Non-MTUS Citation ODG, Shoulder Chapter, Arthroscopic debridement', ['ODG', null, 'Arthroscopic debridement']],
  ['The Expert Reviewer relied on the Official Disability Guidelines (ODG) Elbow, Tennis elbow band', ['ODG', 'Elbow', 'Tennis elbow band']],
  // Another source after the topic is not part of it.
  ['Official Disability Guidelines (ODG) Pain, Opioid dosing and Other Medical Treatment Guidelines UpToDate, Tramadol', ['ODG', 'Pain', 'Opioid dosing']],
  ['MTUS ACOEM Shoulder Disorders (2017), Subacromial decompression', ['ACOEM', 'Shoulder Disorders', 'Subacromial decompression']],
  // No topic after the chapter, or a page citation where the topic would be: no section.
  ['MTUS Chronic Pain Medical Treatment Guidelines; ODG, Low Back Chapter', ['ODG', null, null]],
  ['Non-MTUS Citation Official Disability Guidelines, topical salicylates', ['ODG', null, null]],
  ['Official Disability Guidelines (ODG) Knee, pages 12-14', ['ODG', 'Knee', null]],
  // Numbered ACOEM chapters and labelled MTUS sections are read as before.
  ['MTUS ACOEM Knee Complaints, Chapter 13, Page(s): 331-333', ['ACOEM', '13', null]],
  ['MTUS Chronic Pain Medical Treatment 2009, Section(s): Topical Analgesics, Page(s): 111-113', ['MTUS', null, 'Topical Analgesics']],
];

for (const [text, expected] of CASES) {
  test(`citation: ${text.slice(0, 70)}`, () => {
    assert.deepEqual(read(text), expected);
  });
}
