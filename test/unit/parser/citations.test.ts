/** Chapter, section and pages of one guideline citation, as makeCitation reads them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCitation, readCitations } from '../../../server/src/languageService/parser/citations';
import { JoinedText } from '../../../server/src/languageService/text/joined';
import { splitLines } from '../../../server/src/languageService/text/lines';

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
  ['Non-MTUS Citation ODG Knee & Leg, Continuous passive motion, home use; Cryotherapy', ['ODG', 'Knee & Leg', 'Continuous passive motion, home use']],
  ['Non-MTUS Citation ODG, Shoulder Chapter, Arthroscopic debridement', ['ODG', 'Shoulder', 'Arthroscopic debridement']],
  ['The Expert Reviewer relied on the Official Disability Guidelines (ODG) Elbow, Tennis elbow band', ['ODG', 'Elbow', 'Tennis elbow band']],
  // Another source after the topic is not part of it.
  ['Official Disability Guidelines (ODG) Pain, Opioid dosing and Other Medical Treatment Guidelines UpToDate, Tramadol', ['ODG', 'Pain', 'Opioid dosing']],
  ['MTUS ACOEM Shoulder Disorders (2017), Subacromial decompression', ['ACOEM', 'Shoulder Disorders', 'Subacromial decompression']],
  // No topic after the chapter, or a page citation where the topic would be: no section.
  ['MTUS Chronic Pain Medical Treatment Guidelines; ODG, Low Back Chapter', ['ODG', 'Low Back', null]],
  ['Non-MTUS Citation Official Disability Guidelines, topical salicylates', ['ODG', null, null]],
  ['Official Disability Guidelines (ODG) Knee, pages 12-14', ['ODG', 'Knee', null]],
  // ODG chapters are read whole by name, however the letter spells the gaps and the tail.
  ['Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg', ['ODG', 'Knee & Leg', null]],
  ['Non-MTUS Citation ODG, Forearm, Wrist, & Hand, Splints', ['ODG', 'Forearm, Wrist, & Hand', 'Splints']],
  ['Non-MTUS Citation ODG Low Back - Lumbar & Thoracic (Acute & Chronic), Discography', ['ODG', 'Low Back - Lumbar & Thoracic (Acute & Chronic)', 'Discography']],
  ['Official Disability Guidelines (ODG) Neck and Upper Back (Acute & Chronic), Cervical collar, post operative use', ['ODG', 'Neck and Upper Back (Acute & Chronic)', 'Cervical collar, post operative use']],
  ['Non-MTUS Citation ODG Pain (Chronic), Opioids, criteria for use; Weaning of medications', ['ODG', 'Pain (Chronic)', 'Opioids, criteria for use']],
  ['Non-MTUS Citation the ODG Mental Illness and Stress, Cognitive therapy for depression', ['ODG', 'Mental Illness and Stress', 'Cognitive therapy for depression']],
  ['ODG Fitness for Duty, Functional capacity evaluation, Page 3', ['ODG', 'Fitness for Duty', 'Functional capacity evaluation']],
  // "Chapter" after the name, a dash without spaces, and a numbered chapter elsewhere.
  ['Non-MTUS Citation ODG Knee & Leg Chapter (Acute & Chronic), Walking aids', ['ODG', 'Knee & Leg', 'Walking aids']],
  ['Non-MTUS Citation ODG Low Back-Lumbar & Thoracic, Discectomy', ['ODG', 'Low Back-Lumbar & Thoracic', 'Discectomy']],
  ['Non-MTUS Citation ODG, Knee & Leg, Walking aids. Also ACOEM Chapter 13', ['ODG', '13', 'Walking aids']],
  // A word that only starts like a chapter name is not that chapter (the general reading applies).
  ['Non-MTUS Citation ODG Painful conditions, Topical analgesics', ['ODG', 'Painful', 'Topical analgesics']],
  // A clause after the topic is not part of it.
  ['Official Disability Guidelines (ODG), Low Back, Facet joint diagnostic blocks, which is not part of the MTUS', ['ODG', 'Low Back', 'Facet joint diagnostic blocks']],
  // Numbered ACOEM chapters and labelled MTUS sections are read as before.
  ['MTUS ACOEM Knee Complaints, Chapter 13, Page(s): 331-333', ['ACOEM', '13', null]],
  ['MTUS Chronic Pain Medical Treatment 2009, Section(s): Topical Analgesics, Page(s): 111-113', ['MTUS', null, 'Topical Analgesics']],
];

for (const [text, expected] of CASES) {
  test(`citation: ${text.slice(0, 70)}`, () => {
    assert.deepEqual(read(text), expected);
  });
}

// Sources listed as sentences or semicolon entries after a lead-in (2013 notices, professional reviews).
test('citations of a guideline sentence: the lead-in left out, one citation per source named', () => {
  const text = 'The Expert Reviewer relied on the following guidelines: Official Disability Guidelines (ODG), Pain, Lab testing; UpToDate, Laboratory monitoring.';
  const cites = readCitations(new JoinedText(splitLines(text)));
  assert.deepEqual(cites.map((c) => [c.kind, c.text]), [['ODG', 'Official Disability Guidelines (ODG), Pain, Lab testing'], ['other', 'UpToDate, Laboratory monitoring']]);
  // Each citation's range covers its own text.
  for (const c of cites) assert.equal(text.slice(c.range.start.character, c.range.end.character), c.text);
  // A semicolon before a topic, not a source, does not split.
  const topics = readCitations(new JoinedText(splitLines('Decision based on Non-MTUS Citation ODG Knee & Leg, Continuous passive motion; Cryotherapy.')));
  assert.equal(topics.length, 1);
});
