/** Waiting on editor events, never on the clock (mocha's timeout is the only limit). */
import * as vscode from 'vscode';

/** Resolves with the first value of `check()` that is truthy, re-checking whenever `event` fires. */
export function waitFor<T, E>(event: vscode.Event<E>, check: () => T | undefined | null | false): Promise<T> {
  return new Promise((resolve) => {
    const now = check();
    if (now) return resolve(now);
    const sub = event(() => {
      const value = check();
      if (value) {
        sub.dispose();
        resolve(value);
      }
    });
  });
}

export function diagnosticsOf(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(vscode.languages.onDidChangeDiagnostics, () => {
    const list = vscode.languages.getDiagnostics(uri);
    return predicate(list) ? list : undefined;
  });
}
