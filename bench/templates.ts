/**
 * Building blocks for generated letters, written for the bench from the facts in
 * letter-formats.md (no text copied from real letters). Each list is a set of variants the
 * generator picks from, so the bench exercises many shapes rather than one letter.
 */

export const LICENSURE = ['California', 'Texas', 'Iowa, Illinois, California', 'Oregon, Washington', 'New York, New Jersey', 'Arizona, Nevada, California'];
export const SPECIALTIES = [
  'Orthopaedic Surgery',
  'Physical Medicine & Rehabilitation',
  'Occupational Medicine',
  'Anesthesiology, Pain Medicine',
  'Family Practice',
  'Internal Medicine, Preventive Medicine',
  'Psychiatry',
  'Neurology',
  'Chiropractic',
];

export const INDEPENDENCE = [
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator.',
  'He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice.',
  'The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services.',
  'He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.',
];

export const BODY_PARTS = ['lumbar spine', 'cervical spine', 'right shoulder', 'left knee', 'bilateral wrists', 'thoracic spine', 'right ankle', 'left elbow', 'low back and both knees'];
export const DIAGNOSES = [
  'lumbar radiculopathy',
  'cervical strain with myofascial pain',
  'rotator cuff tendinitis',
  'internal derangement of the knee',
  'bilateral carpal tunnel syndrome',
  'chronic pain syndrome',
  'status post lumbar fusion',
  'lateral epicondylitis',
  'depression secondary to chronic pain',
];
export const PRIOR_TREATMENT = [
  'physical therapy',
  'acupuncture',
  'chiropractic care',
  'epidural steroid injections',
  'a home exercise program',
  'a TENS unit',
  'topical analgesics',
  'activity modification',
  'psychological counseling',
];
export const FINDINGS = [
  'tenderness to palpation over the paraspinal muscles with spasm',
  'reduced range of motion on flexion and extension',
  'a positive straight leg raise on the left at 45 degrees',
  'diminished sensation in the L5 dermatome',
  'a positive Tinel sign at both wrists',
  'crepitus with painful arc of motion',
  'an antalgic gait with use of a cane',
  'no focal neurological deficit',
];

/** Drugs: brand, generic, class, dose and quantity variants. */
export const DRUGS: Array<{ brand: string; generic: string; section: string; doses: string[] }> = [
  { brand: 'Soma', generic: 'carisoprodol', section: 'Carisoprodol (Soma)', doses: ['350 mg #60', '350mg one TID #90', '#60', '350mg #30'] },
  { brand: 'Flexeril', generic: 'cyclobenzaprine', section: 'Muscle relaxants (for pain)', doses: ['10mg #30', '#60', '7.5mg #90', '5 mg #20'] },
  { brand: 'Zanaflex', generic: 'tizanidine', section: 'Muscle relaxants (for pain)', doses: ['4mg', '4 mg #60', '2mg #30'] },
  { brand: 'Valium', generic: 'diazepam', section: 'Benzodiazepines', doses: ['10mg', '5 mg #30', '10mg (Retro Dispensed 08/07/14)'] },
  { brand: 'Norco', generic: 'hydrocodone with acetaminophen', section: 'Opioids, criteria for use', doses: ['10/325mg #60', '5/325 mg #90', '10/325 #120'] },
  { brand: 'Ultram', generic: 'tramadol', section: 'Tramadol (Ultram)', doses: ['50mg #60', 'ER 150 mg #30'] },
  { brand: 'Neurontin', generic: 'gabapentin', section: 'Anti-epilepsy drugs (AEDs)', doses: ['600mg #90', '300 mg one t.i.d.'] },
  { brand: 'Lyrica', generic: 'pregabalin', section: 'Pregabalin (Lyrica)', doses: ['75mg #60', '150 mg QTY: 60'] },
  { brand: 'Oxycodone', generic: 'oxycodone', section: 'Opioids for chronic pain', doses: ['30mg', '15 mg #120', '10mg #90'] },
  { brand: 'Prilosec', generic: 'omeprazole', section: 'NSAIDs, GI symptoms & cardiovascular risk', doses: ['20mg #30', '20 mg #60'] },
  { brand: 'Naproxen', generic: 'naproxen', section: 'NSAIDs (non-steroidal anti-inflammatory drugs)', doses: ['550mg #60', '500 mg #90'] },
  { brand: 'Lidoderm', generic: 'lidocaine', section: 'Lidoderm (lidocaine patch)', doses: ['5% patch #30', 'patches QTY: 2 boxes'] },
];

/** Non-drug requests: therapy, imaging, equipment, procedures. */
export const SERVICES: Array<{ text: string; section: string }> = [
  { text: 'Physical therapy 2x4 for the lumbar spine', section: 'Physical Medicine' },
  { text: 'Acupuncture x 12 sessions', section: 'Acupuncture Treatment Guidelines' },
  { text: 'Chiropractic treatment 2 times a week for 6 weeks', section: 'Manual therapy & manipulation' },
  { text: 'MRI of the lumbar spine without contrast', section: 'Low Back Complaints, Special Studies' },
  { text: 'MRI of the right shoulder', section: 'Shoulder Complaints, Special Studies' },
  { text: 'EMG/NCV of the bilateral upper extremities', section: 'Neck and Upper Back Complaints, Special Studies' },
  { text: 'TENS unit purchase', section: 'Transcutaneous electrotherapy' },
  { text: 'Functional restoration program x 80 hours', section: 'Chronic pain programs (functional restoration programs)' },
  { text: 'Lumbar epidural steroid injection at L4-5', section: 'Epidural steroid injections (ESIs)' },
  { text: 'Urine drug screen', section: 'Drug testing' },
  { text: 'Home health care 4 hours a day for 6 weeks', section: 'Home health services' },
  { text: 'Cognitive behavioral therapy x 6 sessions', section: 'Behavioral interventions' },
];

export const MTUS_SOURCES = [
  'MTUS Chronic Pain Medical Treatment 2009',
  'MTUS Chronic Pain Medical Treatment Guidelines 2016',
  'MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints',
  'MTUS ACOEM Practice Guidelines, Chapter 9 Shoulder Complaints',
  'MTUS Postsurgical Treatment Guidelines',
  'MTUS Acupuncture Treatment Guidelines',
  'MTUS 2017 Opioids Guideline',
];
export const OTHER_SOURCES = [
  'Non-MTUS Citation Official Disability Guidelines (ODG) Pain',
  'Non-MTUS Citation Official Disability Guidelines (ODG) Low Back',
  'Non-MTUS Citation Official Disability Guidelines (ODG) Knee',
  'Other Medical Treatment Guidelines UpToDate',
];

/** Guideline sentences quoted inside rationales (quotes hold words like "not recommended"). */
export const QUOTES = [
  'Not recommended for longer than a 2 to 3 week period.',
  'Recommended as an option, using a short course of therapy.',
  'Relief of pain with the use of medications is generally temporary, and measures of the lasting benefit should include evaluating the effect of pain relief in relationship to improvements in function.',
  'Recommended for a trial of up to six visits over two weeks, with evidence of objective functional improvement.',
  'Imaging is indicated when there are unequivocal objective findings that identify specific nerve compromise on the neurologic examination.',
  'Ongoing review and documentation of pain relief, functional status, appropriate medication use, and side effects is required.',
  'Recommended as a second-line option for neuropathic pain after a first-line option has failed.',
  'Most guidelines limit use to 4 weeks because long-term efficacy is unproven and there is a risk of dependence.',
];

export const REASONS_UPHELD = [
  'The records do not document objective functional improvement from prior use.',
  'There is no evidence of a trial of first-line treatment before this request.',
  'The quantity requested exceeds the duration the guidelines support.',
  'The submitted notes do not describe red flag findings or a progressive neurological deficit.',
  'No urine drug screen or pain agreement is documented.',
  'The injured worker has already completed the recommended number of visits without documented benefit.',
];
export const REASONS_OVERTURNED = [
  'The records describe a clear reduction in pain scores and improved tolerance for work duties.',
  'The injured worker has not previously had this treatment and the request is within the recommended trial.',
  'The examination documents new radicular findings that were not present on earlier visits.',
  'The treating provider documents a taper plan and monitoring consistent with the guidelines.',
];
export const CONCLUSIONS_UPHELD = [
  'As such, the request for {item} is not medically necessary.',
  'Therefore, {item} is not medically necessary and is non-certified.',
  'The request for {item} is not seen as medically necessary.',
  'Consequently, {item} was determined to be not medically necessary.',
];
export const CONCLUSIONS_OVERTURNED = [
  'Medical necessity has been established.',
  'Therefore, the request for {item} is medically necessary.',
  'As such, {item} is medically necessary and appropriate.',
];
