/**
 * Drives the VS Code workbench in Chromium the way a person would: quick open, go to line,
 * hover, panels, activity bar. Every step waits on what the page shows (a selector or a text),
 * never on a fixed delay.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';

/** Flags from the verified recipe: no sandbox as root, no background traffic on a closed network. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const STEP_TIMEOUT = 60_000;

export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    throw new Error(`Chromium could not be launched from ${CHROMIUM} (run scripts/e2e/install-code-server.sh): ${(e as Error).message}`);
  }
}

/** Monaco renders spaces as no-break spaces; compare text as a person reads it. */
export function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export class Workbench {
  /** The page's console (the extension host's errors land there), for reading after a failure. */
  readonly consoleLines: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (this.consoleLines.length < 2000) this.consoleLines.push(`${m.type()}: ${m.text()}`);
    });
  }

  /** Console lines about the extension, errors and warnings only. */
  extensionProblems(): string[] {
    return this.consoleLines.filter((l) => /^(error|warning):/.test(l) && /imr/i.test(l));
  }

  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    // The explorer lists the folder once the workbench has connected to the server.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    return new Workbench(page);
  }

  /** Saves test-results/e2e/<name>.png; `clip` keeps only a region (smaller README images). */
  async screenshot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path, clip });
    return path;
  }

  statusItem(id: string): Locator {
    return this.page.locator(`[id="${id}"]`);
  }

  /** Ctrl+P, type the file name, Enter; resolves once its tab is the active one. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(fileName);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: fileName }).waitFor();
  }

  /**
   * Points the mouse at `target` until `shown` appears. The editor opens a hover only on a
   * mouse move that comes to rest over text; a move that lands while the editor is still
   * scrolling or re-rendering is lost, and a person would simply move the mouse again. So the
   * pointer leaves and comes back, at most `attempts` times, each waiting for `shown`.
   */
  async hoverUntilShown(target: Locator, shown: Locator, attempts = 3): Promise<void> {
    await this.repeatUntilShown('hover', async () => {
      await this.page.mouse.move(0, 0);
      await target.hover();
    }, shown, attempts);
  }

  /**
   * Clicks `target` until `shown` appears. A list row re-rendered between the press and the
   * release (a tree refreshing under the pointer) is selected without being opened; a person
   * clicks again.
   */
  async clickUntilShown(target: Locator, shown: Locator, attempts = 2): Promise<void> {
    await this.repeatUntilShown('click', () => target.click(), shown, attempts);
  }

  /** Repeats a gesture until `shown` appears; each repeat is logged, so flakiness stays visible. */
  private async repeatUntilShown(what: string, gesture: () => Promise<void>, shown: Locator, attempts: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await gesture();
      try {
        await shown.waitFor({ timeout: attempt < attempts ? 15_000 : STEP_TIMEOUT });
        return;
      } catch (e) {
        if (attempt >= attempts) throw e;
        console.log(`# ${what} showed nothing in 15 s (attempt ${attempt}); repeating it`);
      }
    }
  }

  /** Ctrl+G to a 1-based line; resolves once the status bar shows the cursor there. */
  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.waitForCursorLine(line);
  }

  async waitForCursorLine(line: number): Promise<void> {
    await this.statusItem('status.editor.selection').filter({ hasText: new RegExp(`^Ln ${line}, Col `) }).waitFor();
  }

  /** Expands a side bar section (e.g. "Outline") and collapses `others` to give it the room. */
  async showSection(title: string, collapse: string[] = []): Promise<Locator> {
    for (const other of collapse) {
      const h = this.page.locator(`.pane-header[aria-label^="${other}"]`);
      if ((await h.getAttribute('aria-expanded')) === 'true') await h.click();
    }
    const header = this.page.locator(`.pane-header[aria-label^="${title}"]`);
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    return this.page.locator('.pane', { has: header });
  }

  /** Runs a command from the command palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** The rendered editor line whose text contains `text` (it must be on screen). */
  editorLine(text: string): Locator {
    return this.page.locator('.editor-group-container.active .view-lines .view-line').filter({ hasText: new RegExp(escapeRegExp(text).replace(/ /g, '[ \\u00a0]')) });
  }

  /** Computed colours of the token spans of an editor line, with their text. */
  async tokenColours(line: Locator): Promise<Array<{ text: string; colour: string }>> {
    return line.locator('span[class*="mtk"]').evaluateAll((spans) => {
      // Runs in the page; the repo's TS lib has no DOM types, so name the one call we need.
      const style = (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle;
      return spans.map((s) => ({ text: (s.textContent ?? '').replace(/\u00a0/g, ' '), colour: style(s).color }));
    });
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/#]/g, '\\$&');
}
