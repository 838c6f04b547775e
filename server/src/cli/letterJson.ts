/**
 * The letter model as the CLI's JSON prints it: every key always present (null when
 * unknown) and always in the same order, so diffs between runs stay readable.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Citation, DisputedItem, Field, GuidelineLine, HeaderFields, Letter, Patient, Range, Reviewer, Treatment } from '../languageService';

/** Header fields in print order. */
export const FIELD_KEYS = ['caseNumber', 'dateAssigned', 'decisionDate', 'dateOfInjury', 'urDenialDate', 'applicationReceived', 'priority', 'noticeDate'] as const;

const SEVERITY_NAMES = ['error', 'error', 'warning', 'information', 'hint'] as const;

export function severityName(d: Diagnostic): (typeof SEVERITY_NAMES)[number] {
  return SEVERITY_NAMES[d.severity ?? 1] ?? 'error';
}

export function letterJson(letter: Letter) {
  return {
    layout: letter.layout,
    range: range(letter.range),
    fields: fieldsJson(letter.header),
    reviewer: reviewerJson(letter.reviewer),
    patient: patientJson(letter.patient),
    sections: letter.sections.map((s) => ({ kind: s.kind, title: s.title, range: range(s.range) })),
    items: letter.items.map(itemJson),
  };
}

export function diagnosticJson(d: Diagnostic) {
  return { code: String(d.code ?? ''), severity: severityName(d), message: d.message, range: range(d.range) };
}

function fieldsJson(header: HeaderFields) {
  const out: Record<string, ReturnType<typeof fieldJson> | null> = {};
  for (const key of FIELD_KEYS) out[key] = fieldJson(header[key]);
  return out;
}

function fieldJson(f: Field<string | null> | undefined) {
  return f ? { value: f.value, text: f.text, range: range(f.range) } : null;
}

function reviewerJson(r: Reviewer) {
  return { licensure: [...r.licensure], specialties: [...r.specialties], range: r.range ? range(r.range) : null };
}

function patientJson(p: Patient) {
  return { age: p.age ?? null, sex: p.sex ?? null, dateOfInjury: fieldJson(p.dateOfInjury) };
}

function itemJson(item: DisputedItem) {
  const rationale = item.rationale;
  const conclusion = rationale?.conclusion ?? null;
  return {
    title: item.title,
    outcome: item.outcome,
    outcomeText: item.outcomeText ?? null,
    outcomeRange: item.outcomeRange ? range(item.outcomeRange) : null,
    range: range(item.range),
    headingRange: range(item.headingRange),
    titleRange: range(item.titleRange),
    number: item.number ?? null,
    partial: item.partial ? { originalRequest: item.partial.originalRequest, authorized: item.partial.authorized, remaining: item.partial.remaining } : null,
    guidelines: item.guidelines.map(guidelineJson),
    rationale: rationale ? { text: rationale.text, range: range(rationale.range) } : null,
    conclusion: conclusion ? { text: conclusion.text, finding: conclusion.finding, range: range(conclusion.range) } : null,
    treatment: treatmentJson(item.treatment),
  };
}

function guidelineJson(g: GuidelineLine) {
  return { source: g.source, text: g.text, noneCited: g.noneCited, range: range(g.range), citations: g.citations.map(citationJson) };
}

function citationJson(c: Citation) {
  return { kind: c.kind, text: c.text, chapter: c.chapter ?? null, section: c.section ?? null, pages: c.pages ?? null, range: range(c.range) };
}

function treatmentJson(t: Treatment | null) {
  if (!t) return null;
  return {
    name: t.name,
    generic: t.generic ?? null,
    brand: t.brand ?? null,
    drugClass: t.drugClass ?? null,
    category: t.category ?? null,
    dose: t.dose ?? null,
    quantity: t.quantity ?? null,
    frequency: t.frequency ?? null,
  };
}

/** A fresh range with keys in LSP order (the model's objects may carry extra keys or share instances). */
export function range(r: Range) {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
