/**
 * The professional review layout: one disputed issue per letter. The item's title is the
 * text of ISSUE AT DISPUTE (after its colon or on the lines below), its guidelines the
 * GUIDELINE(S) RELIED UPON section (source `reviewer`), its rationale the RATIONALE FOR
 * WHY ... section. The outcome comes from the rationale's conclusion ("is not medically
 * necessary" => Upheld, "is medically necessary" => Overturned), else from the rationale
 * heading when it states one plainly ("IS NOT MEDICALLY NECESSARY").
 */
import type { DisputedItem, GuidelineLine, Outcome, Rationale, Section } from '../model';
import type { Line } from '../text/lines';
import { isPageFurniture, copyRange, isBlank } from '../text/lines';
import { JoinedText, collapseSpaces, collapseJoined } from '../text/joined';
import { readCitations } from './citations';
import { readConclusion } from './conclusion';
import { readPartial } from './partial';
import { readTreatment } from '../lexicon/treatments';
import type { HeadingAt } from './parseDocument';

function sectionLines(lines: readonly Line[], section: Section, head: HeadingAt): { body: Line[]; from: number } {
  const body: Line[] = [];
  const last = section.range.end.line;
  // Text after a label heading's colon counts as the section's first line.
  const headLine = lines[head.lastLine];
  const from = head.endChar < headLine.end ? head.endChar : -1;
  if (from >= 0) body.push(headLine);
  for (let i = head.lastLine + 1; i <= last; i++) if (!isBlank(lines[i]) && !isPageFurniture(lines[i].clean, lines[i].first)) body.push(lines[i]);
  return { body, from };
}

export function readProfessionalItem(lines: readonly Line[], sections: Section[], headings: HeadingAt[]): DisputedItem | null {
  const find = (kind: Section['kind']): { section: Section; head: HeadingAt } | null => {
    const h = headings.findIndex((x) => x.kind === kind);
    if (h < 0) return null;
    const section = sections.find((s) => s.kind === kind && s.headingRange.start.line === headings[h].line);
    return section ? { section, head: headings[h] } : null;
  };
  const issue = find('issueAtDispute');
  if (!issue) return null;

  const { body, from } = sectionLines(lines, issue.section, issue.head);
  const joined = new JoinedText(body, from >= 0 ? from : undefined);
  // The issue is a phrase; keep up to its first sentence end and drop a leading "Whether"
  // and "the requested" / "the request for" (also together: "Whether the requested ...").
  let text = joined.text;
  let start = 0;
  const lead = /^(?:Whether (?:or not )?(?:the (?:requested|request for) )?|The (?:requested|request for) )/i.exec(text);
  if (lead) start = lead[0].length;
  let end = text.length;
  const stop = /[.;](?:\s|$)/.exec(text.slice(start));
  if (stop) end = start + stop.index;
  text = text.slice(start, end);
  const verdict = / {1,3}(?:is|was|are|were) medically necessary\??$/i.exec(text.length > 400 ? '' : text);
  const rawTitle = verdict ? text.slice(0, verdict.index) : text;
  const partial = readPartial(rawTitle);
  const title = collapseSpaces(partial ? partial.remaining : rawTitle);

  const guidelines: GuidelineLine[] = [];
  const relied = find('guidelinesRelied');
  if (relied) {
    const g = sectionLines(lines, relied.section, relied.head);
    if (g.body.length > 0) {
      const gj = new JoinedText(g.body, g.from >= 0 ? g.from : undefined);
      const gText = collapseJoined(gj.text);
      guidelines.push({
        source: 'reviewer',
        label: relied.section.title,
        labelRange: copyRange(relied.section.headingRange),
        text: gText,
        range: copyRange(relied.section.range),
        citations: readCitations(gj),
        noneCited: /did not cite any/i.test(gText),
      });
    }
  }

  let rationale: Rationale | null = null;
  const why = find('rationale');
  if (why) {
    const r = sectionLines(lines, why.section, why.head);
    if (r.body.length > 0) {
      const rj = new JoinedText(r.body, r.from >= 0 ? r.from : undefined);
      rationale = { text: collapseJoined(rj.text), labelRange: copyRange(why.section.headingRange), range: copyRange(why.section.range), conclusion: readConclusion(rj) };
    }
  }

  let outcome: Outcome | null = null;
  let outcomeRange = rationale?.conclusion?.range;
  const finding = rationale?.conclusion?.finding;
  if (finding === 'notNecessary') outcome = 'Upheld';
  else if (finding === 'necessary') outcome = 'Overturned';
  else if (why) {
    outcomeRange = why.section.headingRange;
    outcome = /\bNOT MEDICALLY\b/i.test(why.section.title) ? 'Upheld' : 'Overturned';
  }

  return {
    title,
    titleRange: joined.isEmpty ? copyRange(issue.section.headingRange) : joined.rangeOf(start, start + rawTitle.length),
    headingRange: copyRange(issue.section.headingRange),
    range: copyRange(issue.section.range),
    outcome,
    ...(outcome && outcomeRange ? { outcomeRange: copyRange(outcomeRange) } : {}),
    ...(partial ? { partial } : {}),
    guidelines,
    rationale,
    treatment: readTreatment(title),
  };
}
