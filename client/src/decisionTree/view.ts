/**
 * The decision views (`imr.decisions` in the IMR container, `imr.decisionsExplorer` in the
 * Explorer) over one provider: counts in the description, indexing progress, the filter and
 * grouping commands, and following the cursor of the active letter.
 */
import * as vscode from 'vscode';
import { DecisionTreeProvider, type DecisionNode } from './provider';
import { countItems, describeCounts, findItemNode, isFiltered, itemAtLine, NO_FILTER, type GroupBy, type OutcomeFilter } from './model';
import type { LetterSource } from './letterSource';

export const VIEW_IDS = ['imr.decisions', 'imr.decisionsExplorer'] as const;
const FOLLOW_DELAY_MS = 150;

export class DecisionView implements vscode.Disposable {
  readonly provider = new DecisionTreeProvider();
  readonly views: vscode.TreeView<DecisionNode>[];
  private readonly disposables: vscode.Disposable[] = [];
  private progressDone: (() => void) | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly source: LetterSource) {
    this.views = VIEW_IDS.map((viewId) => vscode.window.createTreeView(viewId, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.provider.groupBy = readGroupBy();
    this.disposables.push(
      ...this.views,
      source.onDidChange(() => this.provider.setLetters(source.letters)),
      this.provider.onDidChangeTreeData(() => this.updateDescription()),
      source.onDidChangeProgress((p) => this.showProgress(p.indexing, p.filesIndexed, p.filesTotal)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('imr.decisions.groupBy')) this.provider.setGroupBy(readGroupBy());
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleFollow(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.scheduleFollow(e)),
      vscode.commands.registerCommand('imr.decisions.groupBy', (g?: GroupBy) => this.pickGroupBy(g)),
      vscode.commands.registerCommand('imr.decisions.filter', (text?: string) => this.pickFilterText(text)),
      vscode.commands.registerCommand('imr.decisions.filterOutcome', (o?: OutcomeFilter) => this.pickOutcome(o)),
      vscode.commands.registerCommand('imr.decisions.clearFilter', () => this.setFilter(NO_FILTER.text, NO_FILTER.outcome)),
      vscode.commands.registerCommand('imr.decisions.revealActive', () => this.followNow(vscode.window.activeTextEditor, true)),
    );
    this.updateDescription();
  }

  private updateDescription(): void {
    const { filter } = this.provider;
    const letters = this.provider.allLetters;
    const description = describeCounts(countItems(letters, filter), filter);
    let message: string | undefined;
    if (!this.source.loaded) {
      message = 'Loading IMR letters…';
    } else if (this.source.progress.indexing) {
      message = `Indexing letters: ${this.source.progress.filesIndexed}/${this.source.progress.filesTotal} files`;
    } else if (letters.length === 0 && this.source.mode === 'workspace' && !this.source.indexSettled) {
      message = 'Looking for IMR letters…';
    } else if (this.source.loaded && letters.length === 0) {
      message = this.source.mode === 'open' ? 'Open an IMR letter to see its decisions.' : 'No IMR letters found in this workspace.';
    } else if (this.source.loaded && this.provider.groups.length === 0 && isFiltered(filter)) {
      message = 'No items match the filter.';
    }
    if (this.source.mode === 'open' && letters.length > 0) message = 'Showing open letters only (the server has no workspace index).';
    for (const view of this.views) {
      view.description = description;
      view.message = message;
    }
    void vscode.commands.executeCommand('setContext', 'imr.decisions.filtered', isFiltered(filter));
  }

  /** Shows a progress bar in the view while the server indexes; never awaited by anything. */
  private showProgress(indexing: boolean, done: number, total: number): void {
    this.updateDescription();
    if (indexing && !this.progressDone) {
      // One progress bar per view (the activity-bar one and the Explorer one), ended together.
      const finished = new Promise<void>((resolve) => (this.progressDone = resolve));
      for (const viewId of VIEW_IDS) {
        void vscode.window.withProgress({ location: { viewId }, title: `Indexing IMR letters (${done}/${total})` }, () => finished);
      }
    } else if (!indexing && this.progressDone) {
      this.progressDone();
      this.progressDone = undefined;
    }
  }

  private setFilter(text: string, outcome: OutcomeFilter): void {
    this.provider.setFilter({ text, outcome });
  }

  private async pickGroupBy(groupBy?: GroupBy): Promise<void> {
    const choice = groupBy ?? (await vscode.window.showQuickPick(
      [
        { label: 'Letter', description: 'letter → items', value: 'letter' as GroupBy },
        { label: 'Outcome', description: 'Upheld / Overturned / missing → items', value: 'outcome' as GroupBy },
        { label: 'Treatment', description: 'generic name or category → items', value: 'treatment' as GroupBy },
      ],
      { title: 'Group IMR decisions by' },
    ))?.value;
    if (choice) this.provider.setGroupBy(choice);
  }

  private async pickFilterText(text?: string): Promise<void> {
    const value = text ?? (await vscode.window.showInputBox({
      title: 'Filter IMR decisions',
      prompt: 'Text in the item, treatment, case number or file name (empty to clear)',
      value: this.provider.filter.text,
    }));
    if (value !== undefined) this.setFilter(value, this.provider.filter.outcome);
  }

  private async pickOutcome(outcome?: OutcomeFilter): Promise<void> {
    const choice = outcome ?? (await vscode.window.showQuickPick(
      [
        { label: 'All outcomes', value: 'all' as OutcomeFilter },
        { label: 'Upheld', description: 'denial stands: not medically necessary', value: 'upheld' as OutcomeFilter },
        { label: 'Overturned', description: 'denial reversed: medically necessary', value: 'overturned' as OutcomeFilter },
        { label: 'Missing outcome', value: 'missing' as OutcomeFilter },
      ],
      { title: 'Show IMR decisions with outcome' },
    ))?.value;
    if (choice) this.setFilter(this.provider.filter.text, choice);
  }

  private scheduleFollow(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'imr' || !vscode.workspace.getConfiguration('imr.decisions').get<boolean>('followCursor', true)) return;
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => void this.followNow(editor, false), FOLLOW_DELAY_MS);
  }

  /** Selects the tree item of the item under the cursor in every visible view. */
  async followNow(editor: vscode.TextEditor | undefined, force: boolean): Promise<boolean> {
    if (!editor || editor.document.languageId !== 'imr') return false;
    const ref = itemAtLine(this.provider.allLetters, editor.document.uri.toString(), editor.selection.active.line);
    const node = ref && findItemNode(this.provider.groups, ref);
    if (!node) return false;
    for (const view of this.views) {
      if (!view.visible && !(force && view === this.views[0])) continue;
      try {
        await view.reveal(node, { select: true, focus: false, expand: true });
      } catch {
        // The view may not be resolved yet (never opened): nothing to reveal in.
      }
    }
    return true;
  }

  dispose(): void {
    if (this.followTimer) clearTimeout(this.followTimer);
    this.progressDone?.();
    for (const d of this.disposables) d.dispose();
  }
}

function readGroupBy(): GroupBy {
  const value = vscode.workspace.getConfiguration('imr.decisions').get<string>('groupBy', 'letter');
  return value === 'outcome' || value === 'treatment' ? value : 'letter';
}
