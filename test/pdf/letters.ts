/**
 * Letters written for the PDF tests (invented patients and reviewers, laid out like the
 * reference letters described in shared/docs/letter-formats.md). Each is laid out as a PDF
 * by test/helpers/pdfWriter.ts and must read back with the same items and outcomes.
 */
import type { HeaderRow } from '../helpers/pdfWriter';

export interface PdfFixture {
  name: string;
  text: string;
  header: HeaderRow[];
  caseNumber: string;
  items: Array<[string, 'Upheld' | 'Overturned']>;
}

const BOILERPLATE = `HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.

The Expert Reviewer has the following credentials:
State(s) of Licensure: Oregon, California
Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Medicine
`;

const threeItems = `${BOILERPLATE}
CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:

The injured worker is a 47 year old male warehouse loader who sustained an industrial injury on 06-02-2015 while lifting crates. He was diagnosed with lumbar disc protrusion at L4-L5, chronic low back pain and left sided sciatica. Treatment to date has included physical therapy, a home exercise program, chiropractic care, Naproxen and Tramadol. Progress notes from 09-14-2016 describe low back pain rated 7 out of 10 with radiation to the left calf and reduced lumbar flexion. The Utilization Review dated 10-20-2016 non-certified the requests for Tizanidine 4mg #90 and a lumbar MRI, and non-certified the request for acupuncture x 6 sessions.

IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:

Tizanidine 4mg #90: Upheld
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 63-66.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Muscle relaxants (for pain), Page(s): 63-66.
Decision rationale: The MTUS describes muscle relaxants as a second-line option for short-term treatment of acute exacerbations in patients with chronic low back pain. The guidelines add that efficacy appears to diminish over time and that prolonged use may lead to dependence. The records show that the injured worker has used muscle relaxants for more than six months, with no documented acute exacerbation and no measurable functional improvement attributed to the medication. The quantity requested also exceeds a short course of treatment. Therefore, the request for Tizanidine 4mg #90 is not medically necessary.

MRI of the lumbar spine without contrast: Overturned
Claims Administrator guideline: Decision based on MTUS ACOEM Low Back Complaints Chapter 12, Page(s): 303-304.
MAXIMUS guideline: Decision based on MTUS ACOEM Low Back Complaints Chapter 12, Page(s): 303-304; Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, MRIs (magnetic resonance imaging).
Decision rationale: The ACOEM guidelines support imaging of the lumbar spine when unequivocal objective findings identify specific nerve compromise on the neurologic examination in patients who do not respond to treatment and who would consider surgery. The progress notes document a diminished left Achilles reflex, decreased sensation in the left S1 dermatome and a positive straight leg raise on the left, persisting despite more than three months of conservative care. A surgical consultation has been requested. Medical necessity has been established, and the request for MRI of the lumbar spine without contrast is medically necessary.

Acupuncture x 6 sessions for the lumbar spine:
Upheld
Claims Administrator guideline: Decision based on MTUS Acupuncture Medical Treatment Guidelines.
MAXIMUS guideline: Decision based on MTUS Acupuncture Medical Treatment Guidelines.
Decision rationale: The Acupuncture Medical Treatment Guidelines allow an initial trial of three to six treatments, with further treatment when functional improvement is documented. The records show that the injured worker already completed twelve acupuncture sessions in 2016, and the notes do not describe any reduction in work restrictions, increase in activity tolerance or reduction in medication use after those sessions. Without objective functional improvement, additional sessions are not supported. Therefore, the request for Acupuncture x 6 sessions is not medically necessary.
`;

const partialItem = `${BOILERPLATE}
CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:

The injured worker is a 58-year-old female bus driver with a date of injury of 02-11-2014. Her diagnoses include cervical radiculopathy, right shoulder impingement and myofascial pain. Treatment has included physical therapy, a right shoulder injection, Gabapentin and Cyclobenzaprine. On 12-01-2016 she reported neck pain radiating to the right arm at 6 out of 10, with improved sleep on the current medications. The Utilization Review dated 12-15-2016 modified the request for Cyclobenzaprine 7.5mg #90 to #63, and non-certified the requests for Gabapentin 600mg #90 and a TENS unit purchase.

IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:

Cyclobenzaprine 7.5mg #90 was the original request. Cyclobenzaprine 7.5mg #63 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Cyclobenzaprine 7.5mg #27 is: Upheld
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 41-42.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Cyclobenzaprine (Flexeril), Page(s): 41-42.
Decision rationale: The MTUS recommends Cyclobenzaprine as an option for a short course of therapy, noting that the effect is greatest in the first four days of treatment. The injured worker has taken the medication for over a year. The portion already authorized allows a weaning course. The remaining quantity is not supported, and the remaining request for Cyclobenzaprine 7.5mg #27 is not medically necessary.

Gabapentin 600mg #90: Overturned
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 16-19.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Antiepilepsy drugs (AEDs), Page(s): 16-19.
Decision rationale: The MTUS recommends Gabapentin for neuropathic pain, with continued use when there is at least a thirty percent reduction in pain or documented functional improvement. The treating physician documents radicular pain in a C6 distribution, a reduction in pain from 9 to 6 out of 10 and the ability to resume household chores and to sleep through the night since Gabapentin was started. The continued use is supported. Medical necessity has been established.

TENS unit purchase: Upheld
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 114-116.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Transcutaneous electrotherapy, Page(s): 114-116.
Decision rationale: The MTUS supports a one-month home-based trial of a TENS unit as an adjunct to a program of evidence-based functional restoration before a purchase is considered. There is no documentation of a one-month trial with outcomes in terms of pain relief and function. Therefore, the request for TENS unit purchase is not medically necessary.
`;

export const FIXTURES: PdfFixture[] = [
  {
    name: 'three items',
    text: threeItems,
    caseNumber: 'CM16-0307415',
    header: [
      [{ label: 'Case Number:', value: 'CM16-0307415' }],
      [
        { label: 'Date Assigned:', value: '10/28/2016' },
        { label: 'Date of Injury:', value: '06/02/2015' },
      ],
      [
        { label: 'Decision Date:', value: '11/29/2016' },
        { label: 'UR Denial Date:', value: '10/20/2016' },
      ],
      [
        { label: 'Priority:', value: 'Standard' },
        { label: 'Application Received:', value: '10/24/2016' },
      ],
    ],
    items: [
      ['Tizanidine 4mg #90', 'Upheld'],
      ['MRI of the lumbar spine without contrast', 'Overturned'],
      ['Acupuncture x 6 sessions for the lumbar spine', 'Upheld'],
    ],
  },
  {
    name: 'partial authorization',
    text: partialItem,
    caseNumber: 'CM17-0004128',
    header: [
      [{ label: 'Case Number:', value: 'CM17-0004128' }],
      [
        { label: 'Date Assigned:', value: '12/21/2016' },
        { label: 'Date of Injury:', value: '02/11/2014' },
      ],
      [
        { label: 'Decision Date:', value: '01/19/2017' },
        { label: 'UR Denial Date:', value: '12/15/2016' },
      ],
      [
        { label: 'Priority:', value: 'Expedited' },
        { label: 'Application Received:', value: '12/19/2016' },
      ],
    ],
    items: [
      ['Cyclobenzaprine 7.5mg #27', 'Upheld'],
      ['Gabapentin 600mg #90', 'Overturned'],
      ['TENS unit purchase', 'Upheld'],
    ],
  },
];

/** The header table as plain text lines (what the text version of a letter carries). */
export function headerText(rows: HeaderRow[]): string {
  return rows.map((row) => row.map((c) => `${c.label} ${c.value}`).join('  ')).join('\n');
}
