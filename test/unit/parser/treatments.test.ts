/** The treatment named by an item's title: service name and category (drugs are covered by the fixtures). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTreatment } from '../../../server/src/languageService/lexicon/treatments';

const CASES: Array<[string, string, string | undefined]> = [
  // The service before its attachments decides the category.
  ['Right total knee arthroplasty with 3 day inpatient stay, assistant surgeon and cold therapy unit', 'Right total knee arthroplasty', 'Surgery'],
  ['Right shoulder subacromial corticosteroid injection under ultrasound guidance', 'Right shoulder subacromial corticosteroid injection under ultrasound guidance', 'Injection'],
  ['Ultrasound-guided trigger point injection', 'Ultrasound-guided trigger point injection', 'Injection'],
  ['Cold therapy unit rental for 7 days after shoulder surgery', 'Cold therapy unit rental', 'DMEPOS'],
  ['MRI of the left knee with and without contrast', 'MRI of the left knee with and without contrast', 'Diagnostic Testing'],
  ['Transportation to and from the surgery center', 'Transportation to and from the surgery center', 'Transportation'],
  ['Home health aide after lumbar fusion', 'Home health aide after lumbar fusion', 'Home Health'],
  // A name cut before a number does not end with a connecting word.
  ['Lumbar fusion L5-S1 with posterior instrumentation and 2 day inpatient stay', 'Lumbar fusion L5-S1 with posterior instrumentation', 'Surgery'],
  ["Physician's follow-up visit in 4 weeks", "Physician's follow-up visit", 'Evaluation & Management'],
  // Lab tests and equipment the categories had no word for.
  ['Vitamin D 25-hydroxy level', 'Vitamin D', 'Diagnostic Testing'],
  ['Hemoglobin A1c', 'Hemoglobin A1c', 'Diagnostic Testing'],
  ['Purchase of a motorized scooter', 'Purchase of a motorized scooter', 'DMEPOS'],
  ['Home exercise kit', 'Home exercise kit', 'DMEPOS'],
  // A multi-level fusion is surgery, not a lab "level".
  ['Two-level anterior cervical discectomy and fusion', 'Two-level anterior cervical discectomy and fusion', 'Surgery'],
];

for (const [title, name, category] of CASES) {
  test(`treatment: ${title}`, () => {
    const t = readTreatment(title);
    assert.deepEqual([t?.name, t?.category], [name, category]);
  });
}
