/** The patient (age, sex, date of injury) and the reviewer's credentials, in the wordings letters use. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/languageService';
import { broken } from '../rules/letterFixture';

const SUMMARY = 'The injured worker is a 44 year old male who hurt his low back at work on 01/12/2011.';
const INDEPENDENCE = 'MAXIMUS Federal Services sent the case file to an expert reviewer with no affiliation to the parties.';

const patientOf = (sentence: string) => {
  const { patient } = parseDocument(broken(SUMMARY, sentence)).letters[0];
  return [patient.age ?? null, patient.sex ?? null, patient.dateOfInjury?.value ?? null];
};

test('patient: age and sex written short, date of injury after "hurt at work" or "a slip and fall"', () => {
  assert.deepEqual(patientOf(SUMMARY), [44, 'male', '2011-01-12']);
  assert.deepEqual(patientOf('The injured worker is a 44 y/o male who was hurt at work on 01/12/2011.'), [44, 'male', '2011-01-12']);
  assert.deepEqual(patientOf('The patient is a 33 yo female, hurt at work on 01/12/2011 while lifting.'), [33, 'female', '2011-01-12']);
  assert.deepEqual(patientOf('This 61 y.o. woman was injured after a slip and fall on January 12, 2011 at a job site.'), [61, 'female', '2011-01-12']);
});

test('reviewer: "Board Certified in X, licensed in Y" names one specialty and one state', () => {
  const text = broken(INDEPENDENCE, `${INDEPENDENCE} The expert reviewer is Board Certified in Anesthesiology, licensed in California.`);
  const { reviewer } = parseDocument(text).letters[0];
  assert.deepEqual([reviewer.specialties, reviewer.licensure], [['Anesthesiology'], ['California']]);
});
