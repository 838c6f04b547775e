import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { LanguageService, analyzeText } from '../../../server/src/languageService';
import { formatText, formatRange } from '../../../server/src/languageService/features/formatting';
import { nearestOutcome } from '../../../server/src/languageService/features/codeActions';
import { COMBINATIONS, RENDERERS, applyAll } from '../../helpers/artifacts';
import { readSeed, seedNames } from '../../helpers/seeds';
import { VALID_LETTER, broken, lineOf } from '../rules/letterFixture';

const doc = (text: string, version = 1) => TextDocument.create('file:///t.imr', 'imr', version, text);
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(doc(text), edits);
const squash = (s: string) => s.replace(/\s+/g, '');
const words = (s: string) => s.split(/\s+/).filter(Boolean);

const contains = (r: Range, line: number) => r.start.line <= line && line <= r.end.line;

/**
 * Applies the preferred quick fix of `code` and checks: the diagnostic's code is gone from its
 * item (from the whole document for a diagnostic outside any item), nothing outside the edit
 * changed. With `stays`, the code may stay on the item (a fix that inserts an empty label).
 */
function applyFix(text: string, code: string, { stays = false } = {}): string {
  const service = new LanguageService();
  const d = service.getDiagnostics(doc(text)).find((x) => x.code === code) as Diagnostic;
  assert.ok(d, `expected a ${code} diagnostic`);
  const actions = service.getCodeActions(doc(text), d.range, [d]);
  const fix = actions.find((a) => a.isPreferred && a.diagnostics?.[0]?.code === code);
  assert.ok(fix, `expected a preferred quick fix for ${code}`);
  const edits = fix.edit!.changes!['file:///t.imr'];
  assert.equal(edits.length, 1);
  const after = apply(text, edits);
  if (!stays) {
    const itemsOf = (t: string) => analyzeText(t).parsed.letters.flatMap((l) => l.items);
    const item = itemsOf(text).find((i) => contains(i.range, d.range.start.line));
    const analyzed = analyzeText(after);
    if (item) {
      const now = analyzed.parsed.letters.flatMap((l) => l.items).find((i) => i.title === item.title);
      assert.ok(now, `item "${item.title}" gone after the fix`);
      const left = analyzed.diagnostics.filter((x) => x.code === code && contains(now.range, x.range.start.line));
      assert.deepEqual(left.map((x) => x.message), [], `${code} still reported on "${item.title}"`);
    } else {
      assert.deepEqual(analyzed.diagnostics.filter((x) => x.code === code).map((x) => x.message), [], `${code} still reported`);
    }
  }
  // Outside the edit the text is unchanged: the prefix before the edit and the suffix after it survive.
  const e = edits[0];
  const start = doc(text).offsetAt(e.range.start);
  const end = doc(text).offsetAt(e.range.end);
  assert.equal(after.slice(0, start), text.slice(0, start));
  assert.equal(after.slice(start + e.newText.length), text.slice(end));
  return after;
}

test('quick fix: missing-outcome inserts the outcome the rationale supports', () => {
  const after = applyFix(broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90:'), 'missing-outcome');
  assert.match(after, /Norco 10\/325mg #90: Upheld/);
});

test('quick fix: missing-outcome prefers only an outcome the conclusion supports; fix-all never decides one', () => {
  // A service per call: the service keeps its parse per document version.
  const outcomeFixes = (text: string) => {
    const service = new LanguageService();
    const d = service.getDiagnostics(doc(text)).find((x) => x.code === 'missing-outcome')!;
    assert.ok(d, 'expected a missing-outcome diagnostic');
    return service.getCodeActions(doc(text), d.range, [d]).filter((a) => a.title.startsWith('Add outcome'));
  };
  const fixAll = (text: string) => {
    const all = new LanguageService().getCodeActions(doc(text), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']).find((a) => a.kind === 'source.fixAll.imr');
    return all ? apply(text, all.edit!.changes!['file:///t.imr']) : text;
  };
  // Concludes "Medical necessity has been established": Overturned is preferred, and fix-all writes it.
  const supported = broken('Flexeril 7.5mg #60: Overturned', 'Flexeril 7.5mg #60:');
  assert.deepEqual(outcomeFixes(supported).map((a) => [a.title, a.isPreferred]), [['Add outcome "Upheld"', false], ['Add outcome "Overturned"', true]]);
  assert.match(fixAll(supported), /^Flexeril 7\.5mg #60: Overturned$/m);
  // A rationale that concludes neither way: both words offered, neither preferred, and fix-all leaves the heading alone.
  let undecided = broken('Flexeril 7.5mg #60: Overturned', 'Flexeril 7.5mg #60:');
  undecided = broken('short course for an acute flare documented on exam. Medical necessity has been established.', 'short course for an acute flare documented on exam.', undecided);
  assert.equal(analyzeText(undecided).parsed.letters[0].items[1].rationale?.conclusion?.finding ?? null, null);
  assert.deepEqual(outcomeFixes(undecided).map((a) => [a.title, a.isPreferred]), [['Add outcome "Upheld"', false], ['Add outcome "Overturned"', false]]);
  const after = fixAll(undecided);
  assert.match(after, /^Flexeril 7\.5mg #60:$/m);
  assert.ok(!/^Flexeril 7\.5mg #60: (?:Upheld|Overturned)/m.test(after));
});

test('quick fix: unknown-outcome corrects to the nearest valid word', () => {
  assert.match(applyFix(broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90: Uphold'), 'unknown-outcome'), /#90: Upheld\n/);
  assert.match(applyFix(broken('Flexeril 7.5mg #60: Overturned', 'Flexeril 7.5mg #60: overturn'), 'unknown-outcome'), /#60: Overturned\n/);
  assert.equal(nearestOutcome('Denied'), 'Upheld');
  assert.equal(nearestOutcome('Upheld.'), 'Upheld');
  assert.equal(nearestOutcome('Overtruned'), 'Overturned');
});

test('quick fix: missing-section puts the heading back where it was, or before the next section', () => {
  // The heading alone dropped: it goes back above the summary's own first line, and the letter is whole again.
  const after = applyFix(broken('CLINICAL CASE SUMMARY\n', ''), 'missing-section');
  assert.deepEqual(analyzeText(after).diagnostics, [], 'no empty-section left behind');
  assert.equal(after.replace(/\n{2,}/g, '\n\n'), VALID_LETTER, 'only blank lines differ');
  // The whole summary gone: the heading goes before the next section.
  const summary = VALID_LETTER.slice(VALID_LETTER.indexOf('CLINICAL CASE SUMMARY'), VALID_LETTER.indexOf('IMR ISSUES'));
  const noSummary = applyFix(broken(summary, ''), 'missing-section', { stays: true });
  const at = lineOf(noSummary, 'CLINICAL CASE SUMMARY');
  assert.ok(at > lineOf(noSummary, 'MAXIMUS Federal Services sent') && at < lineOf(noSummary, 'IMR ISSUES'));
});

test('quick fix: missing-guideline and missing-rationale insert their labels', () => {
  const noMax = broken('MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 78-80.\n', '');
  const after = applyFix(noMax, 'missing-guideline');
  assert.ok(lineOf(after, 'MAXIMUS guideline:') < lineOf(after, 'Decision rationale: The guidelines'));
  // The whole rationale gone: the fix inserts the label, and the (now empty) rationale is for the reviewer to write.
  const noRat = broken('Decision rationale: The guidelines call for documented pain relief and functional gains on opioids.\nNone are recorded here. Therefore, the request for Norco 10/325mg #90 is not medically necessary.\n', '');
  assert.match(applyFix(noRat, 'missing-rationale', { stays: true }), /Decision rationale:/);
});

test('quick fix: a label dropped while its text stayed goes back at the start of that text', () => {
  const norco = (t: string) => analyzeText(t).parsed.letters[0].items[0];
  const guideline = (t: string, source: string) => norco(t).guidelines.find((g) => g.source === source)?.text;
  const CA_TEXT = 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 74-96.';
  const MX_TEXT = 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 78-80.';
  const RAT_START = 'The guidelines call for documented pain relief and functional gains on opioids.';

  // (a) The rationale's label: its paragraph was read into the MAXIMUS guideline.
  const a = applyFix(broken(`Decision rationale: ${RAT_START}`, RAT_START), 'missing-rationale');
  assert.equal(a, VALID_LETTER);
  assert.equal(guideline(a, 'maximus'), MX_TEXT);
  assert.match(norco(a).rationale?.text ?? '', /^The guidelines call for documented pain relief[\s\S]*not medically necessary\.$/);

  // A MAXIMUS line wrapped over a blank line (double-spaced extraction) is not taken for the rationale.
  const wrapped = broken(`MAXIMUS guideline: ${MX_TEXT}`, 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment\n\nGuidelines, Opioids, Page(s): 78-80.', broken(`Decision rationale: ${RAT_START}`, RAT_START));
  const wrappedFixed = applyFix(wrapped, 'missing-rationale');
  assert.match(norco(wrappedFixed).rationale?.text ?? '', /^The guidelines call for documented pain relief/);
  assert.equal(guideline(wrappedFixed, 'maximus'), MX_TEXT);

  // (b) The Claims Administrator's label: its line was read as nobody's.
  const b = applyFix(broken(`Claims Administrator guideline: ${CA_TEXT}`, CA_TEXT), 'missing-guideline');
  assert.equal(b, VALID_LETTER);
  assert.equal(guideline(b, 'claimsAdministrator'), CA_TEXT);

  // (c) The MAXIMUS label: its line was read into the Claims Administrator's guideline.
  const c = applyFix(broken(`MAXIMUS guideline: ${MX_TEXT}`, MX_TEXT), 'missing-guideline');
  assert.equal(c, VALID_LETTER);
  assert.equal(guideline(c, 'claimsAdministrator'), CA_TEXT);
  assert.equal(guideline(c, 'maximus'), MX_TEXT);

  // Both guideline labels dropped: each goes back on its own line (the first fix leaves the other missing).
  let both = broken(`Claims Administrator guideline: ${CA_TEXT}`, CA_TEXT);
  both = broken(`MAXIMUS guideline: ${MX_TEXT}`, MX_TEXT, both);
  const once = applyFix(both, 'missing-guideline', { stays: true });
  assert.ok(once.includes(`Claims Administrator guideline: ${CA_TEXT}`));
  assert.equal(applyFix(once, 'missing-guideline'), VALID_LETTER);

  // The MAXIMUS and rationale labels both dropped: the rationale's label still goes on its own
  // paragraph, past the unlabelled MAXIMUS line; then the MAXIMUS fix restores the letter.
  let mxRat = broken(`MAXIMUS guideline: ${MX_TEXT}`, MX_TEXT);
  mxRat = broken(`Decision rationale: ${RAT_START}`, RAT_START, mxRat);
  const ratFixed = applyFix(mxRat, 'missing-rationale');
  assert.match(norco(ratFixed).rationale?.text ?? '', /^The guidelines call for documented pain relief/);
  assert.equal(applyFix(ratFixed, 'missing-guideline'), VALID_LETTER);
});

test('fix all in file fixes every fixable problem at once', () => {
  let text = broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90: Uphold');
  text = broken('Flexeril 7.5mg #60: Overturned', 'Flexeril 7.5mg #60:', text);
  const service = new LanguageService();
  const actions = service.getCodeActions(doc(text), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  const all = actions.find((a) => a.kind === 'source.fixAll.imr');
  assert.ok(all);
  const after = apply(text, all.edit!.changes!['file:///t.imr']);
  assert.deepEqual(analyzeText(after).diagnostics.filter((d) => d.severity === 1), []);
});

test('formatting: every artifact rendering of every seed keeps its words, and formatting twice changes nothing', () => {
  for (const name of seedNames()) {
    const seed = readSeed(name.slice(0, 3));
    const renders = { ...Object.fromEntries(Object.entries(COMBINATIONS).map(([k, r]) => [k, applyAll(seed, r)])), ...Object.fromEntries(Object.entries(RENDERERS).map(([k, r]) => [k, r(seed)])) };
    for (const [label, text] of Object.entries(renders)) {
      const once = formatText(text);
      assert.equal(squash(once), squash(text), `${name} ${label}: characters other than whitespace changed`);
      assert.equal(formatText(once), once, `${name} ${label}: not idempotent`);
      assert.ok(!/[ \t]$/m.test(once) && !once.includes('\f'), `${name} ${label}: trailing space or form feed left`);
      assert.ok(!/\n\s*\n\s*\n/.test(once.replace(/\r/g, '')), `${name} ${label}: more than one blank line between blocks`);
    }
  }
});

test('formatting a double-spaced seed yields the seed\'s words with no blank line after every line', () => {
  const seed = readSeed('001');
  const text = applyAll(seed, COMBINATIONS['wrap+outcomeLine+doubleSpace']);
  const once = formatText(text);
  // The seed itself splits `Non-` / `MTUS` over two lines: formatting rejoins that, and only that.
  const rejoined = seed.replace(/([A-Za-z]-)[ \t]*(?:\r?\n[ \t]*)+(?=[A-Za-z])/g, '$1');
  assert.deepEqual(words(once), words(rejoined));
  assert.ok(once.split('\n').length < text.split('\n').length / 2);
  // Wrapped item headings are rejoined and still parse to the same items.
  const items = (t: string) => analyzeText(t).parsed.letters.flatMap((l) => l.items.map((i) => `${i.title}: ${i.outcome}`));
  assert.deepEqual(items(once), items(seed));
  assert.ok(once.includes('Soma 350 mg #60: Upheld') || once.includes('Soma 350 mg #60:  Upheld'));
});

test('formatting: hyphen-split words and wrapped section headings are rejoined', () => {
  const text = 'HOW THE IMR FINAL DETERMINATION WAS MADE   \n\nDecision based on Non-\nMTUS Citation.  \n\f\nIMR ISSUES, DECISIONS\nAND RATIONALES\n';
  const out = formatText(text);
  assert.match(out, /Non-MTUS Citation\./);
  assert.match(out, /^IMR ISSUES, DECISIONS AND RATIONALES$/m);
  assert.equal(formatText(out), out);
});

test('range formatting touches only the lines of the range', () => {
  const text = 'HOW THE IMR FINAL DETERMINATION WAS MADE  \n\nLine one.   \nLine two.   \n';
  const edits = formatRange(text, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
  assert.equal(edits.length, 1);
  assert.equal(edits[0].range.start.line, 2);
  assert.equal(edits[0].range.end.line, 2);
  assert.equal(apply(text, edits), 'HOW THE IMR FINAL DETERMINATION WAS MADE  \n\nLine one.\nLine two.   \n');
});

test('range formatting reaches the fixed point: a second pass over the formatted range changes nothing', () => {
  const texts = [VALID_LETTER, ...seedNames().map((name) => readSeed(name.slice(0, 3)))];
  for (const [n, seed] of texts.entries()) {
    const text = applyAll(seed, COMBINATIONS['wrap+outcomeLine+doubleSpace']);
    const lines = text.split('\n');
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
    // The whole text, and a stretch from the middle of the decisions (the range the edit covers, second time).
    const decisions = lines.findIndex((l) => l.startsWith('IMR ISSUES'));
    const middle = { start: { line: decisions, character: 0 }, end: { line: Math.min(lines.length - 1, decisions + 40), character: 0 } };
    for (const range of [whole, middle]) {
      const edits = formatRange(text, range);
      const once = apply(text, edits);
      assert.equal(squash(once), squash(text), `text ${n}: characters other than whitespace changed`);
      const e = edits[0];
      const again = e ? { start: e.range.start, end: { line: e.range.start.line + e.newText.split('\n').length - 1, character: e.newText.length - e.newText.lastIndexOf('\n') - 1 } } : range;
      assert.deepEqual(formatRange(once, again), [], `text ${n} lines ${range.start.line}-${range.end.line}: a second range format changed the text`);
    }
  }
});

test('completion: headings and snippets at line start, outcomes after ": ", guideline phrases after a label', () => {
  const service = new LanguageService();
  const text = 'IMR\nSoma 350mg #60: \nMAXIMUS guideline: \n';
  const labels = (line: number, character: number) => service.getCompletions(doc(text), { line, character }).map((c) => c.label);
  assert.ok(labels(0, 3).includes('IMR ISSUES, DECISIONS AND RATIONALES'));
  assert.ok(labels(0, 3).includes('imr-letter'));
  assert.ok(labels(0, 3).includes('imr-item'));
  assert.deepEqual(labels(1, 16), ['Upheld', 'Overturned']);
  assert.ok(labels(2, 19).some((l) => l.startsWith('Decision based on MTUS Chronic Pain Medical Treatment Guidelines')));
  assert.ok(labels(2, 19).some((l) => l.includes('ODG')));
  assert.deepEqual(service.getCompletions(doc(text), { line: 99, character: 0 }), []);
  // Prose does not pop up lists on every space.
  const prose = 'The injured worker \nHe said as follows: The \n';
  assert.deepEqual(service.getCompletions(doc(prose, 2), { line: 0, character: 19 }), []);
  assert.deepEqual(service.getCompletions(doc(prose, 2), { line: 1, character: 24 }), []);
  assert.ok(service.getCompletions(doc(prose, 2), { line: 0, character: 0 }).length >= 5);
});

test('folding, selection ranges, code lens, highlights and hovers on the fixture letter', () => {
  const service = new LanguageService();
  const d = doc(VALID_LETTER);
  const folds = service.getFoldingRanges(d);
  const decisions = lineOf(VALID_LETTER, 'IMR ISSUES');
  const norco = lineOf(VALID_LETTER, 'Norco 10/325mg #90: Upheld');
  assert.ok(folds.some((f) => f.startLine === decisions));
  assert.ok(folds.some((f) => f.startLine === norco && f.endLine < lineOf(VALID_LETTER, 'Flexeril 7.5mg #60: Overturned')));

  const [sel] = service.getSelectionRanges(d, [{ line: norco, character: 2 }]);
  const chain: number[] = [];
  for (let s: typeof sel | undefined = sel; s; s = s.parent) chain.push(s.range.end.line - s.range.start.line);
  assert.equal(sel.range.start.character, 0);
  assert.equal(sel.range.end.character, 5); // the word "Norco"
  assert.ok(chain.length >= 4);
  for (let i = 1; i < chain.length; i++) assert.ok(chain[i] >= chain[i - 1]);

  const lenses = service.getCodeLenses(d);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].range.start.line, decisions);
  assert.equal(lenses[0].command!.title, '2 items: 1 upheld, 1 overturned');

  // Flexeril is cyclobenzaprine: the brand in the summary and in the heading are the same treatment.
  const hl = service.getDocumentHighlights(d, { line: lineOf(VALID_LETTER, 'Flexeril 7.5mg #60: Overturned'), character: 2 });
  assert.equal(hl.length, 2);

  const hover = (line: number, character: number) => (service.getHover(d, { line, character })?.contents as { value: string } | undefined)?.value ?? '';
  // A word of plain prose ("and" in the case summary) has no hover.
  const prose = lineOf(VALID_LETTER, 'Treatment has included');
  assert.equal(VALID_LETTER.split('\n')[prose].slice(40, 43), 'and');
  assert.equal(service.getHover(d, { line: prose, character: 40 }), null);
  const summaryNorco = VALID_LETTER.split('\n')[lineOf(VALID_LETTER, '04/20/2015 non-certified')].indexOf('Norco');
  assert.match(hover(lineOf(VALID_LETTER, '04/20/2015 non-certified'), summaryNorco + 1), /hydrocodone/);
  const decisionLine = lineOf(VALID_LETTER, 'Decision Date:');
  assert.match(hover(decisionLine, 25), /2015-06-01[\s\S]*42 days between the UR denial/);
  const caLine = lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids');
  assert.match(hover(caLine, 55), /MTUS/);
});

test('highlights of a non-drug treatment match its whole name, not its first word', () => {
  const text = broken('Flexeril 7.5mg #60: Overturned', 'Physical therapy x 12 sessions: Overturned').replace('Treatment has included physical therapy', 'Treatment has included physical therapy and a physical examination');
  const service = new LanguageService();
  const lines = text.split('\n');
  const shown = (line: number, character: number) =>
    service.getDocumentHighlights(doc(text), { line, character }).map((h) => lines[h.range.start.line].slice(h.range.start.character, h.range.end.character));
  const title = lineOf(text, 'Physical therapy x 12');
  assert.deepEqual(shown(title, 2), ['physical therapy', 'Physical therapy']);
  assert.deepEqual(shown(title, 12), ['physical therapy', 'Physical therapy']);
  // "physical" of "physical examination" is not the treatment.
  const summary = lineOf(text, 'Treatment has included');
  assert.deepEqual(shown(summary, lines[summary].indexOf('physical examination') + 2), []);
});

test('requests past the end of the document return empty results', () => {
  const service = new LanguageService();
  const d = doc(VALID_LETTER);
  const far = { line: 10_000, character: 10_000 };
  assert.equal(service.getHover(d, far), null);
  assert.deepEqual(service.getDocumentHighlights(d, far), []);
  assert.deepEqual(service.getCompletions(d, far), []);
  assert.equal(service.getSelectionRanges(d, [far]).length, 1);
});
