/** The thin `TreeDataProvider` over model.ts: turns groups and items into tree items. */
import * as vscode from 'vscode';
import {
  buildGroups,
  fileName,
  letterLabel,
  NO_FILTER,
  outcomeKey,
  type Filter,
  type GroupBy,
  type GroupNode,
  type ItemNode,
  type OutcomeKey,
} from './model';
import type { LetterSummary } from '../../../server/src/protocol';

export type DecisionNode = GroupNode | ItemNode;

const OUTCOME_ICON: Record<OutcomeKey, [string, string]> = {
  upheld: ['circle-slash', 'charts.red'],
  overturned: ['pass', 'charts.green'],
  missing: ['warning', 'charts.yellow'],
};
const OUTCOME_LABEL: Record<OutcomeKey, string> = { upheld: 'Upheld', overturned: 'Overturned', missing: 'no outcome' };

/** Letters start expanded while the tree is small enough to read at a glance. */
const EXPAND_UP_TO_LETTERS = 20;

export class DecisionTreeProvider implements vscode.TreeDataProvider<DecisionNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  groupBy: GroupBy = 'letter';
  filter: Filter = NO_FILTER;
  private letters: readonly LetterSummary[] = [];
  groups: GroupNode[] = [];
  private readonly byId = new Map<string, GroupNode>();

  setLetters(letters: readonly LetterSummary[]): void {
    this.letters = letters;
    this.rebuild();
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.rebuild();
  }

  setFilter(filter: Filter): void {
    this.filter = filter;
    this.rebuild();
  }

  get allLetters(): readonly LetterSummary[] {
    return this.letters;
  }

  private rebuild(): void {
    this.groups = buildGroups(this.letters, this.groupBy, this.filter);
    this.byId.clear();
    for (const g of this.groups) this.byId.set(g.id, g);
    this.changed.fire();
  }

  getChildren(node?: DecisionNode): DecisionNode[] {
    if (!node) return this.groups;
    return node.kind === 'group' ? node.items : [];
  }

  getParent(node: DecisionNode): DecisionNode | undefined {
    return node.kind === 'item' ? this.byId.get(node.parentId) : undefined;
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node) : this.itemItem(node);
  }

  private groupItem(group: GroupNode): vscode.TreeItem {
    const expand = this.groupBy !== 'letter' || this.groups.length <= EXPAND_UP_TO_LETTERS;
    const state = group.items.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : expand ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const tree = new vscode.TreeItem(group.label, state);
    tree.id = group.id;
    const n = group.items.length;
    const itemsText = `${n} item${n === 1 ? '' : 's'}`;
    if (group.letter) {
      const letter = group.letter;
      const errors = letter.errorCount ? ` · ${letter.errorCount} error${letter.errorCount === 1 ? '' : 's'}` : '';
      const file = letter.caseNumber ? `${fileName(letter.uri)} · ` : '';
      tree.description = `${file}${itemsText}${errors}`;
      tree.iconPath = letter.errorCount ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('file-text');
      tree.tooltip = `${letterLabel(letter)}\n${vscode.Uri.parse(letter.uri).fsPath || letter.uri}\nLayout: ${letter.layout}`;
      tree.contextValue = 'imrLetter';
    } else {
      tree.description = itemsText;
      if (group.outcome) {
        const [icon, color] = OUTCOME_ICON[group.outcome];
        tree.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      } else {
        tree.iconPath = new vscode.ThemeIcon('beaker');
      }
      tree.contextValue = 'imrGroup';
    }
    return tree;
  }

  private itemItem(node: ItemNode): vscode.TreeItem {
    const { letter, item } = node.ref;
    const key = outcomeKey(item);
    const tree = new vscode.TreeItem(item.title || '(untitled item)', vscode.TreeItemCollapsibleState.None);
    tree.id = node.id;
    const outcome = key === 'missing' && item.outcomeText ? `unknown outcome "${item.outcomeText}"` : OUTCOME_LABEL[key];
    // A PDF letter's item names its page, as in the Outline.
    const page = item.page !== undefined ? ` · p. ${item.page}` : '';
    tree.description = (this.groupBy === 'letter' ? outcome : `${outcome} · ${letterLabel(letter)}`) + page;
    const [icon, color] = OUTCOME_ICON[key];
    tree.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    const t = item.treatment;
    const treatment = t ? [t.generic ?? t.name, t.drugClass, t.category].filter(Boolean).join(' · ') : 'treatment not recognised';
    tree.tooltip = `${item.title}\n${outcome}\n${treatment}\n${letterLabel(letter)}, line ${item.headingRange.start.line + 1}${item.page !== undefined ? `, PDF page ${item.page}` : ''}`;
    tree.contextValue = 'imrItem';
    tree.command = { command: 'imr.revealItem', title: 'Reveal item', arguments: [letter.uri, item.headingRange] };
    return tree;
  }
}
