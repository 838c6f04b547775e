/**
 * The status bar item of the active letter: "4 items: 3 upheld, 1 overturned", with an
 * error marker when the file has error diagnostics. Clicking it opens the decision view.
 */
import * as vscode from 'vscode';
import { statusText } from './decisionTree/model';
import type { LetterSource } from './decisionTree/letterSource';

const UPDATE_DELAY_MS = 200;

export class LetterStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('imr.letterStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on each update so a slow answer for an older editor is dropped. */
  private generation = 0;

  constructor(private readonly source: LetterSource) {
    this.item.name = 'IMR Letter';
    this.item.command = 'imr.showDecisions';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
    );
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'imr') {
      this.item.hide();
      return;
    }
    const letters = await this.source.lettersOf(doc.uri.toString());
    if (generation !== this.generation) return;
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const text = letters.length ? statusText(letters) : 'no IMR letter recognised';
    this.item.text = errors ? `$(error) ${errors} · ${text}` : `$(checklist) ${text}`;
    this.item.tooltip = errors
      ? `${text}\n${errors} error${errors === 1 ? '' : 's'} in this letter (see Problems). Click to open the IMR Decisions view.`
      : `${text}\nClick to open the IMR Decisions view.`;
    this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
