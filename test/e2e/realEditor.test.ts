/**
 * The real-editor test: package the .vsix, install it into code-server (VS Code's workbench
 * and extension host), open a workspace of letters in headless Chromium and check what a
 * person sees. If code-server or Chromium cannot be installed or started, every test below
 * FAILS with that message (counted as failed, not cancelled): this suite never skips.
 * Screenshots go to test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureCodeServer, installExtension, listExtensions, startCodeServer, type RunningCodeServer } from './harness/codeServer';
import { packageVsix } from './harness/packageVsix';
import { pidsWhere } from './harness/processes';
import { writeLetterPdf } from '../helpers/pdfWriter';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { zipEntries } from './harness/zipEntries';
import { escapeRegExp, launchBrowser, plain, STEP_TIMEOUT, Workbench } from './harness/workbench';
import { ARTIFACTS } from './harness/paths';
import { IMR_EXTENSION_SEED, lineOf, makeWorkspace, type Workspace } from './harness/workspace';

const SEED_003_ITEMS = ['Valium 10mg (Retro Dispensed 08/07/14)', 'Soma 350mg (Retro Dispensed 08/07/14)', 'Oxycodone 30mg', 'Zanaflex 4mg'];
/** One item per letter in the workspace: the tree view must list them all. */
const ITEM_OF_EACH_LETTER: Record<string, string> = {
  '000': 'Soma #60',
  '001': 'Norco 10/325mg #60',
  '002': 'Flexeril #60',
  '003': 'Zanaflex 4mg',
  '004': 'Soma 350mg one TID #90',
};

const PDF_LETTER = 'letter-from-pdf.pdf';
const PDF_SOURCE = join(FIXTURES_DIR, 'reference-four-items.txt');
const PDF_TEXT_LETTER = PDF_LETTER.replace(/\.pdf$/, '.txt');
const PDF_ITEMS = ['Retrospective request for Lidocaine 5% patch #30', 'MRI of the lumbar spine without contrast', 'Chiropractic treatment 2 times a week', 'Ultram 50mg one b.i.d. #60'];

describe('the extension in a real VS Code (code-server + Chromium)', { timeout: 20 * 60_000 }, () => {
  let ws: Workspace;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench;
  let vsixFiles: string[] = [];
  let setupError: Error | undefined;

  /** Throws the setup failure in each test, so each is reported as failed (never skipped). */
  function ready(): void {
    if (setupError) throw new Error(`the real editor could not be set up: ${setupError.message}`);
  }

  before(async () => {
    try {
      await setUp();
    } catch (e) {
      setupError = e as Error;
    }
  });

  async function setUp(): Promise<void> {
    const entry = ensureCodeServer();
    const vsix = await packageVsix();
    vsixFiles = zipEntries(vsix.path);
    console.log(`# packaged ${vsix.path}: ${vsix.bytes} bytes, ${vsixFiles.length} files`);
    ws = makeWorkspace();
    // A PDF letter, written from a letter of our own, for the Open PDF as IMR Letter test.
    writeFileSync(join(ws.folder, PDF_LETTER), await writeLetterPdf(readFileSync(PDF_SOURCE, 'utf8')));
    installExtension(entry, ws.profile, vsix.path);
    const installed = listExtensions(entry, ws.profile);
    assert.deepEqual(installed, ['imr-tools.imr-letters@0.1.0'], 'the fresh extensions dir holds exactly our extension');
    server = await startCodeServer(entry, ws.profile);
    browser = await launchBrowser();
    wb = await Workbench.open(browser, `${server.url}?folder=${encodeURIComponent(ws.folder)}`);
  }

  // The screen after every test, pass or fail: the first thing to look at when one fails.
  afterEach(async (t) => {
    await wb?.screenshot(`after-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
  });

  after(async () => {
    // The page console (extension host errors included) for whoever reads a failure.
    if (wb) {
      writeFileSync(join(ARTIFACTS, 'console.log'), wb.consoleLines.join('\n'));
      for (const line of wb.extensionProblems()) console.log(`# page console: ${line.slice(0, 300)}`);
    }
    await browser?.close();
    await server?.stop();
    if (ws && !process.env.IMR_E2E_KEEP) rmSync(ws.root, { recursive: true, force: true });
  });

  it('installs code-server, packages and installs the .vsix, opens the workbench in Chromium', () => {
    ready();
  });

  it('packages a .vsix holding only what runs', () => {
    ready();
    // What the installed extension loads: its manifest, bundles, grammar, icons, README, licence
    // (README screenshots stay out: vsce points their links at the repository).
    const runs = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|LICENSE\.txt|language-configuration\.json|dist\/[\w-]+\.js|syntaxes\/[\w.-]+\.json|media\/[\w.-]+\.(svg|png)|docs\/images\/icon\.png))$/;
    const extra = vsixFiles.filter((f) => !runs.test(f));
    assert.deepEqual(extra, [], `files that do not run: ${extra.join(', ')}`);
    for (const needed of ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/syntaxes/imr.tmLanguage.json', 'extension/LICENSE.txt', 'extension/docs/images/icon.png']) {
      assert.ok(vsixFiles.includes(needed), `${needed} is in the .vsix: ${vsixFiles.join(', ')}`);
    }
    // The bundles the extension loads, and no CLI-only or source-map files.
    assert.ok(!vsixFiles.some((f) => /imr-lint|\.map$/.test(f)), 'no CLI bundle or source map in the .vsix');
  });

  it('opens a seed letter in language "IMR Letter", highlighted', async () => {
    ready();
    // The .imr file is recognised by its extension alone.
    await wb.quickOpen(ws.letters[IMR_EXTENSION_SEED]);
    await wb.statusItem('status.editor.mode').filter({ hasText: 'IMR Letter' }).waitFor();

    // A .txt letter with no association: switched to IMR by its first line (letterDetection.ts).
    await wb.quickOpen(ws.letters['003']);
    await wb.statusItem('status.editor.mode').filter({ hasText: 'IMR Letter' }).waitFor();
    await wb.goToLine(lineOf(ws, ws.letters['003'], 'Oxycodone 30mg: Upheld'));
    const heading = wb.editorLine('Oxycodone 30mg: Upheld');
    await heading.waitFor();
    const tokens = await wb.tokenColours(heading);
    const outcome = tokens.find((t) => t.text.trim() === 'Upheld');
    assert.ok(outcome, `"Upheld" is a token of its own on the heading line: ${JSON.stringify(tokens)}`);
    const prose = await wb.tokenColours(wb.editorLine('frequency and duration for her chronic complaints'));
    assert.ok(prose.length > 0, 'a prose line near the heading is on screen');
    const proseColours = new Set(prose.map((t) => t.colour));
    assert.ok(!proseColours.has(outcome.colour), `the outcome is coloured (${outcome.colour}) unlike prose (${[...proseColours].join(', ')})`);
    await wb.screenshot('1-highlighted-letter');
  });

  it('lists the disputed items in the Outline view', async () => {
    ready();
    const outline = await wb.showSection('Outline', ['Explorer Section']);
    for (const title of SEED_003_ITEMS) {
      await outline.locator('.monaco-list-row', { hasText: title }).first().waitFor();
    }
    const rows = (await outline.locator('.monaco-list-row').allInnerTexts()).map(plain);
    const order = SEED_003_ITEMS.map((t) => rows.findIndex((r) => r.includes(t)));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `items appear in letter order: ${JSON.stringify(rows)}`);
    await wb.screenshot('2-outline');
  });

  it('shows the item summary when hovering an item heading', async () => {
    ready();
    await wb.goToLine(lineOf(ws, ws.letters['003'], 'Oxycodone 30mg: Upheld'));
    const title = wb.editorLine('Oxycodone 30mg: Upheld').locator('span[class*="mtk"]').first();
    const hover = wb.page.locator('.monaco-hover:visible', { hasText: 'Conclusion' });
    await wb.hoverUntilShown(title, hover);
    const text = plain(await hover.innerText());
    assert.match(text, /Oxycodone 30mg/);
    assert.match(text, /Upheld/);
    assert.match(text, /Conclusion/);
    // Crop below the hover and its heading: the README image shows them with the Outline.
    const boxes = [await hover.boundingBox(), await title.boundingBox()];
    const bottom = Math.max(...boxes.map((b) => (b ? b.y + b.height : 0)));
    await wb.screenshot('3-hover', { x: 0, y: 0, width: 1280, height: Math.min(800, Math.ceil(bottom) + 24) });
    await wb.page.keyboard.press('Escape');
  });

  it('puts the broken letter\'s problems in the Problems panel', async () => {
    ready();
    await wb.quickOpen(ws.broken);
    await wb.page.keyboard.press('Control+Shift+M');
    const panel = wb.page.locator('.markers-panel');
    await panel.locator('.monaco-list-row', { hasText: 'Missing section "CLINICAL CASE SUMMARY"' }).first().waitFor();
    await panel.locator('.monaco-list-row', { hasText: '"Flexeril 10mg #30" has no outcome' }).first().waitFor();
    // The problems are grouped under the broken letter's file.
    await panel.locator('.monaco-list-row', { hasText: ws.broken }).first().waitFor();
    await wb.screenshot('4-problems');
  });

  it('helps a writer: a code lens counts the decisions, a quick fix and completion offer the outcomes', async () => {
    ready();
    await wb.quickOpen(ws.broken);
    // The code lens above the decisions heading counts the items (one has no outcome).
    await wb.goToLine(lineOf(ws, ws.broken, 'IMR ISSUES, DECISIONS AND RATIONALES'));
    await wb.page.locator('.codelens-decoration', { hasText: /^\d+ items: \d+ upheld, \d+ overturned, 1 without a valid outcome$/ }).first().waitFor();
    await wb.screenshot('5-code-lens');
    // Ctrl+. on the item without an outcome offers both words.
    await wb.goToLine(lineOf(ws, ws.broken, 'Flexeril 10mg #30:'));
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Control+.');
    const actions = wb.page.locator('.action-widget');
    await actions.locator('.monaco-list-row', { hasText: 'Add outcome "Upheld"' }).first().waitFor();
    await actions.locator('.monaco-list-row', { hasText: 'Add outcome "Overturned"' }).first().waitFor();
    await wb.screenshot('5-quick-fix');
    await wb.page.keyboard.press('Escape');
    // After "<item>: " completion offers the outcome words; the typed space is then undone.
    await wb.page.keyboard.type(' ');
    await wb.page.keyboard.press('Control+Space');
    const suggest = wb.page.locator('.suggest-widget');
    await suggest.locator('.monaco-list-row', { hasText: 'Upheld' }).first().waitFor();
    await suggest.locator('.monaco-list-row', { hasText: 'Overturned' }).first().waitFor();
    await wb.screenshot('5-completion');
    await wb.page.keyboard.press('Escape');
    await wb.page.keyboard.press('Control+Z');
    // Nothing the user has not accepted stays in the letter: it is back to its saved text.
    await wb.page.locator('.tab.active:not(.dirty)', { hasText: ws.broken }).waitFor();
  });

  it('lists the items of every letter in the IMR Decisions view; clicking one moves the cursor', async () => {
    ready();
    await wb.page.locator('.activitybar .action-label[aria-label="IMR Decisions"]').click();
    const view = wb.page.locator('[id="workbench.parts.sidebar"]');
    await view.locator('.monaco-list-row').first().waitFor();
    // Letters may be collapsed: expand each one as a person would.
    for (let i = 0; i < 12; i++) {
      const collapsed = view.locator('.monaco-list-row[aria-expanded="false"]');
      if ((await collapsed.count()) === 0) break;
      await collapsed.first().locator('.monaco-tl-twistie').click();
    }
    for (const title of Object.values(ITEM_OF_EACH_LETTER)) {
      await view.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT });
    }
    // The broken letter is listed too, its outcome-less item flagged.
    await view.locator('.monaco-list-row', { hasText: /Flexeril 10mg #30\s*no outcome/ }).first().waitFor();
    // The PDF letter's items name their page.
    await view.locator('.monaco-list-row', { hasText: new RegExp(`${escapeRegExp(PDF_ITEMS[1])}\\s*(Upheld|Overturned) · p\\. \\d+`) }).first().waitFor();
    await wb.screenshot('5-decisions-view');

    // Norco is in letter 001, which is not open: clicking it opens the letter at the item's heading.
    await wb.clickUntilShown(view.locator('.monaco-list-row', { hasText: ITEM_OF_EACH_LETTER['001'] }).first(), wb.page.locator('.tab.active', { hasText: ws.letters['001'] }));
    await wb.waitForCursorLine(lineOf(ws, ws.letters['001'], 'Norco 10/325mg #60:  Upheld'));
    await wb.screenshot('6-decisions-click');
  });

  it('restarts the language server when it dies, tells the user once, and serves again', async () => {
    ready();
    const serverJs = join('dist', 'server.js');
    const ours = (args: string[]) => args.some((a) => a.startsWith(ws.profile.extensionsDir) && a.endsWith(serverJs));
    const before = pidsWhere(ours);
    assert.equal(before.length, 1, `one language server runs for the extension: ${JSON.stringify(before)}`);
    process.kill(before[0], 'SIGKILL');

    await wb.page.locator('.notification-toast', { hasText: 'stopped unexpectedly and was restarted' }).waitFor();
    // The new server answers: hovering an item heading shows its summary again.
    await wb.page.locator('.tab', { hasText: ws.letters['003'] }).click();
    await wb.page.locator('.tab.active', { hasText: ws.letters['003'] }).waitFor();
    await wb.goToLine(lineOf(ws, ws.letters['003'], 'Zanaflex 4mg: Upheld'));
    const title = wb.editorLine('Zanaflex 4mg: Upheld').locator('span[class*="mtk"]').first();
    await wb.hoverUntilShown(title, wb.page.locator('.monaco-hover:visible', { hasText: 'Conclusion' }));
    const after = pidsWhere(ours);
    assert.equal(after.length, 1, `one language server again: ${JSON.stringify(after)}`);
    assert.notEqual(after[0], before[0], 'it is a new process');
    // Told once: our notice only, not also the language client's own connection error.
    assert.equal(await wb.page.locator('.notification-toast', { hasText: 'connection to server is erroring' }).count(), 0, 'no connection-error notification');
    await wb.screenshot('7-server-restarted');
  });

  it('opens a PDF letter from the Explorer as a read-only IMR letter with its outline and page', async () => {
    ready();
    await wb.page.locator('.activitybar .action-label[aria-label^="Explorer"]').click();
    await wb.showSection('Explorer Section', ['Outline']); // the Outline test folded the file list away
    const row = wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: PDF_LETTER });
    await row.click({ button: 'right' });
    // The menu item is chosen as a person often does: pointed at, then Enter.
    await wb.page.locator('.context-view .action-label', { hasText: 'Open PDF as IMR Letter' }).hover();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab.active', { hasText: PDF_LETTER }).waitFor();
    await wb.statusItem('status.editor.mode').filter({ hasText: 'IMR Letter' }).waitFor();
    await wb.page.locator('.statusbar-item', { hasText: /Page 1 of \d+/ }).first().waitFor();
    const outline = await wb.showSection('Outline', ['Explorer Section']);
    for (const title of PDF_ITEMS) await outline.locator('.monaco-list-row', { hasText: title }).first().waitFor();
    // Each item's entry names the PDF page it starts on, after its outcome.
    await outline.locator('.monaco-list-row', { hasText: /(Upheld|Overturned) · p\. \d+/ }).first().waitFor();
    await wb.screenshot('8-pdf-letter');
  });

  it('saves the PDF letter as a text letter next to the PDF, holding every item', async () => {
    ready();
    // The PDF letter from the test before is the active editor.
    await wb.page.locator('.tab.active', { hasText: PDF_LETTER }).waitFor();
    await wb.runCommand('IMR: Save as Text Letter');
    // code-server's save dialog is a quick input holding the proposed path: the PDF's, as .txt.
    // The dialog shows the folder first and fills in the file name a moment later.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor();
    await wb.page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value.endsWith(${JSON.stringify(`/${PDF_TEXT_LETTER}`)})`, undefined, { timeout: STEP_TIMEOUT });
    assert.equal(await input.inputValue(), join(ws.folder, PDF_TEXT_LETTER));
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.notifications-toasts', { hasText: `Saved ${PDF_TEXT_LETTER}.` }).waitFor();
    const saved = readFileSync(join(ws.folder, PDF_TEXT_LETTER), 'utf8');
    for (const title of PDF_ITEMS) assert.ok(saved.includes(title), `${PDF_TEXT_LETTER} holds "${title}"`);
  });
});
