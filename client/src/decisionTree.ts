/** The decision tree view: letter -> disputed items with their outcome, for the open letter. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentSummaryRequest, type ItemSummary, type LetterSummary } from '../../server/src/protocol';

type Node = { kind: 'letter'; letter: LetterSummary } | { kind: 'item'; letter: LetterSummary; item: ItemSummary };

export class DecisionTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private letters: LetterSummary[] = [];

  constructor(private readonly client: LanguageClient) {}

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && doc.languageId === 'imr' && this.client.isRunning()) {
      this.letters = await this.client.sendRequest<LetterSummary[]>(DocumentSummaryRequest, { uri: doc.uri.toString() });
    } else if (!doc || doc.languageId === 'imr') {
      this.letters = [];
    }
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.letters.map((letter) => ({ kind: 'letter', letter }));
    if (node.kind === 'letter') return node.letter.items.map((item) => ({ kind: 'item', letter: node.letter, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'letter') {
      const name = node.letter.caseNumber ?? vscode.Uri.parse(node.letter.uri).path.split('/').pop() ?? 'Letter';
      const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.letter.items.length} items`;
      item.iconPath = new vscode.ThemeIcon('file-text');
      return item;
    }
    const { item } = node;
    const tree = new vscode.TreeItem(item.title || '(untitled item)', vscode.TreeItemCollapsibleState.None);
    tree.description = item.outcome ?? item.outcomeText ?? 'no outcome';
    tree.iconPath = new vscode.ThemeIcon(
      item.outcome === 'Upheld' ? 'close' : item.outcome === 'Overturned' ? 'check' : 'warning',
      new vscode.ThemeColor(item.outcome === 'Upheld' ? 'charts.red' : item.outcome === 'Overturned' ? 'charts.green' : 'charts.yellow'),
    );
    tree.command = { command: 'imr.revealItem', title: 'Reveal item', arguments: [node.letter.uri, item.titleRange] };
    return tree;
  }
}
