/**
 * The letter model: what the parser produces and every feature consumes.
 *
 * Plain data only (no classes, no functions) so a model can be cached, sent over
 * JSON-RPC to the client's tree view, or printed by the CLI as JSON unchanged.
 * Ranges are LSP ranges (0-based line, UTF-16 character) into the original text.
 */
import type { Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

/** The two decisions an IMR reviewer can make on a disputed item. */
export type Outcome = 'Upheld' | 'Overturned';

/** Letter layouts seen in the wild (see docs/letter-formats in the README). */
export type LayoutKind =
  | 'reference' // HOW THE IMR ... / CLINICAL CASE SUMMARY / IMR ISSUES, DECISIONS AND RATIONALES
  | 'documentsReviewed' // as reference, plus DOCUMENTS REVIEWED and IMR DECISION(S) AND RATIONALE(S)
  | 'notice2013' // MAXIMUS FEDERAL SERVICES, INC. / Notice of Independent Medical Review Determination
  | 'professionalReview' // MEDICAL PROFESSIONAL REVIEW, one issue per letter
  | 'unknown'; // no letter structure recognised: the model is still returned, with no items

export type SectionKind =
  | 'header' // the table of case number and dates before the first section
  | 'howMade' // HOW THE IMR FINAL DETERMINATION WAS MADE
  | 'documentsReviewed' // DOCUMENTS REVIEWED (FOR DETERMINATION)
  | 'caseSummary' // CLINICAL CASE SUMMARY / Case Summary: / CASE SUMMARY:
  | 'decisions' // IMR ISSUES, DECISIONS AND RATIONALES / IMR DECISION(S) AND RATIONALE(S) / notice decision list
  | 'decisionAndRationale' // 2013: INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
  | 'qualifications' // Medical Qualifications of the Expert Reviewer: / MEDICAL REVIEWER QUALIFICATIONS:
  | 'issueAtDispute' // ISSUE AT DISPUTE:
  | 'guidelinesRelied' // MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:
  | 'rationale' // RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:
  | 'other';

export interface Section {
  kind: SectionKind;
  /** The heading as written, whitespace collapsed (wrapped headings joined). */
  title: string;
  headingRange: Range;
  /** From the heading to the end of the last line before the next section or letter. */
  range: Range;
}

/** A value read from the letter, with where it was read. */
export interface Field<T = string> {
  value: T;
  /** The text as written. */
  text: string;
  range: Range;
}

/** A date as written plus its ISO form (yyyy-mm-dd) when it could be read. */
export interface DateField extends Field<string | null> {}

export interface HeaderFields {
  caseNumber?: Field;
  dateAssigned?: DateField;
  decisionDate?: DateField;
  dateOfInjury?: DateField;
  urDenialDate?: DateField;
  applicationReceived?: DateField;
  priority?: Field<'Standard' | 'Expedited' | string>;
  /** 2013 notices: `Dated: <date>`. */
  noticeDate?: DateField;
}

export interface Reviewer {
  licensure: string[];
  specialties: string[];
  /** The credentials block, when present. */
  range?: Range;
}

export interface Patient {
  age?: number;
  sex?: 'male' | 'female';
  /** Date of injury as stated in the case summary. */
  dateOfInjury?: DateField;
}

export type GuidelineSource = 'claimsAdministrator' | 'maximus' | 'reviewer';

export interface Citation {
  kind: 'MTUS' | 'ACOEM' | 'ODG' | 'other';
  /** The cited source as written, whitespace collapsed. */
  text: string;
  chapter?: string;
  section?: string;
  pages?: string;
  range: Range;
}

export interface GuidelineLine {
  source: GuidelineSource;
  /** The label as written, e.g. `Claims Administrator guideline:`. */
  label: string;
  labelRange: Range;
  /** The text after the label, wraps collapsed. */
  text: string;
  /** Label and text, possibly over several lines. */
  range: Range;
  citations: Citation[];
  /** True for "did not cite any medical evidence for its decision". */
  noneCited: boolean;
}

export type Finding = 'necessary' | 'notNecessary';

export interface Conclusion {
  /** The concluding sentence, wraps collapsed. */
  text: string;
  range: Range;
  /** What the sentence concludes, or null when it is not a medical-necessity statement. */
  finding: Finding | null;
}

export interface Rationale {
  /** Rationale text after the label, wraps collapsed. */
  text: string;
  labelRange?: Range;
  range: Range;
  conclusion: Conclusion | null;
}

export interface Treatment {
  /** The treatment as named in the title, e.g. `Soma`, `Physical therapy`, `MRI of the lumbar spine`. */
  name: string;
  generic?: string;
  brand?: string;
  drugClass?: string;
  /** Category as used by the public decision search, e.g. `Pharmaceuticals`, `Rehabilitation`. */
  category?: string;
  dose?: string;
  quantity?: string;
  frequency?: string;
}

export interface PartialAuthorization {
  originalRequest: string;
  authorized: string;
  remaining: string;
}

export interface DisputedItem {
  /** The disputed item as written, wraps collapsed, without the colon and outcome. */
  title: string;
  titleRange: Range;
  /** The whole heading, from the title's first character to the outcome (or colon). */
  headingRange: Range;
  /** From the heading to the end of the item's last line (guidelines and rationale included). */
  range: Range;
  outcome: Outcome | null;
  /** The outcome word as written (`Upheld`, `Uphold`, `Upheld.`...), when there is one. */
  outcomeText?: string;
  outcomeRange?: Range;
  /** 2013 notices number their decisions `1)`, `2)`... */
  number?: number;
  partial?: PartialAuthorization;
  guidelines: GuidelineLine[];
  rationale: Rationale | null;
  treatment: Treatment | null;
}

export interface Letter {
  layout: LayoutKind;
  range: Range;
  header: HeaderFields;
  reviewer: Reviewer;
  patient: Patient;
  sections: Section[];
  items: DisputedItem[];
}

/** Everything read from one text: one file may hold several letters. */
export interface ParsedDocument {
  letters: Letter[];
  lineCount: number;
}
