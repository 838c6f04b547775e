/**
 * The decision tree's shape, computed from the server's letter summaries: grouping,
 * filtering and counting. Pure (no `vscode` import) so it is unit-tested without an editor.
 */
import type { ItemSummary, LetterSummary } from '../../../server/src/protocol';

export type GroupBy = 'letter' | 'outcome' | 'treatment';
export type OutcomeFilter = 'all' | 'upheld' | 'overturned' | 'missing';
/** An item's outcome as the view shows it: a decided outcome or `missing`. */
export type OutcomeKey = 'upheld' | 'overturned' | 'missing';

export interface Filter {
  /** Case-insensitive substring of the item title, treatment, case number or file name. */
  text: string;
  outcome: OutcomeFilter;
}

export const NO_FILTER: Filter = { text: '', outcome: 'all' };

/** One disputed item together with the letter it belongs to. */
export interface ItemRef {
  letter: LetterSummary;
  item: ItemSummary;
  /** Position of the item within its letter (0-based). */
  itemIndex: number;
}

export interface GroupNode {
  kind: 'group';
  /** Stable id, e.g. `letter:file:///a.txt#0`, `outcome:upheld`, `treatment:cyclobenzaprine`. */
  id: string;
  label: string;
  /** Set for letter groups, so the view can offer "open letter" and show errors. */
  letter?: LetterSummary;
  outcome?: OutcomeKey;
  items: ItemNode[];
}

export interface ItemNode {
  kind: 'item';
  id: string;
  ref: ItemRef;
  parentId: string;
}

export interface Counts {
  letters: number;
  items: number;
  upheld: number;
  overturned: number;
  missing: number;
}

export function outcomeKey(item: ItemSummary): OutcomeKey {
  if (item.outcome === 'Upheld') return 'upheld';
  if (item.outcome === 'Overturned') return 'overturned';
  return 'missing';
}

/** The last path segment of a URI, decoded when possible. */
export function fileName(uri: string): string {
  const tail = uri.slice(uri.lastIndexOf('/') + 1) || uri;
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

/** A letter's label: its case number when it has one, else the file name (with `#n` for later letters in a bundle). */
export function letterLabel(letter: LetterSummary): string {
  if (letter.caseNumber) return letter.caseNumber;
  return letter.index > 0 ? `${fileName(letter.uri)} #${letter.index + 1}` : fileName(letter.uri);
}

/** What a treatment group is called: the generic name, else the category, else "Other". */
export function treatmentKey(item: ItemSummary): string {
  const t = item.treatment;
  const name = t?.generic ?? t?.category;
  return name ? name.trim().toLowerCase() : '';
}

export function itemRefs(letters: readonly LetterSummary[]): ItemRef[] {
  const out: ItemRef[] = [];
  for (const letter of letters) letter.items.forEach((item, itemIndex) => out.push({ letter, item, itemIndex }));
  return out;
}

export function matchesFilter(ref: ItemRef, filter: Filter): boolean {
  if (filter.outcome !== 'all' && outcomeKey(ref.item) !== filter.outcome) return false;
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  const t = ref.item.treatment;
  const haystack = [ref.item.title, t?.name, t?.generic, t?.category, t?.drugClass, ref.letter.caseNumber, fileName(ref.letter.uri)];
  return haystack.some((s) => s !== undefined && s !== null && s.toLowerCase().includes(needle));
}

export function isFiltered(filter: Filter): boolean {
  return filter.outcome !== 'all' || filter.text.trim() !== '';
}

export function itemId(ref: ItemRef): string {
  return `item:${ref.letter.uri}#${ref.letter.index}/${ref.itemIndex}`;
}

const OUTCOME_GROUPS: { key: OutcomeKey; label: string }[] = [
  { key: 'upheld', label: 'Upheld' },
  { key: 'overturned', label: 'Overturned' },
  { key: 'missing', label: 'Missing outcome' },
];

/**
 * The top level of the tree. Letters keep the server's order (sorted by URI then index);
 * outcome groups are always Upheld, Overturned, Missing; treatment groups are alphabetical
 * with "Other" last. Empty groups are dropped, except letters with no items when nothing
 * is filtered (a letter with no items is worth seeing).
 */
export function buildGroups(letters: readonly LetterSummary[], groupBy: GroupBy, filter: Filter = NO_FILTER): GroupNode[] {
  const filtered = isFiltered(filter);
  const refs = itemRefs(sortLetters(letters)).filter((r) => matchesFilter(r, filter));
  if (groupBy === 'letter') {
    const byLetter = new Map<string, GroupNode>();
    for (const letter of sortLetters(letters)) {
      const id = `letter:${letter.uri}#${letter.index}`;
      byLetter.set(id, { kind: 'group', id, label: letterLabel(letter), letter, items: [] });
    }
    for (const ref of refs) addItem(byLetter.get(`letter:${ref.letter.uri}#${ref.letter.index}`)!, ref);
    return [...byLetter.values()].filter((g) => g.items.length > 0 || !filtered);
  }
  if (groupBy === 'outcome') {
    const groups = OUTCOME_GROUPS.map(({ key, label }): GroupNode => ({ kind: 'group', id: `outcome:${key}`, label, outcome: key, items: [] }));
    for (const ref of refs) addItem(groups.find((g) => g.outcome === outcomeKey(ref.item))!, ref);
    return groups.filter((g) => g.items.length > 0);
  }
  const byTreatment = new Map<string, GroupNode>();
  for (const ref of refs) {
    const key = treatmentKey(ref.item);
    let group = byTreatment.get(key);
    if (!group) {
      group = { kind: 'group', id: `treatment:${key}`, label: key ? capitalize(key) : 'Other', items: [] };
      byTreatment.set(key, group);
    }
    addItem(group, ref);
  }
  return [...byTreatment.values()].sort((a, b) => {
    if (a.id === 'treatment:') return 1;
    if (b.id === 'treatment:') return -1;
    return a.label.localeCompare(b.label);
  });
}

function addItem(group: GroupNode, ref: ItemRef): void {
  group.items.push({ kind: 'item', id: `${group.id}>${itemId(ref)}`, ref, parentId: group.id });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function sortLetters(letters: readonly LetterSummary[]): LetterSummary[] {
  return [...letters].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.index - b.index));
}

export function countItems(letters: readonly LetterSummary[], filter: Filter = NO_FILTER): Counts {
  const counts: Counts = { letters: 0, items: 0, upheld: 0, overturned: 0, missing: 0 };
  const seenLetters = new Set<string>();
  for (const ref of itemRefs(letters)) {
    if (!matchesFilter(ref, filter)) continue;
    seenLetters.add(`${ref.letter.uri}#${ref.letter.index}`);
    counts.items++;
    counts[outcomeKey(ref.item)]++;
  }
  counts.letters = isFiltered(filter) ? seenLetters.size : letters.length;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The view description, e.g. `3 letters · 7 items: 5 upheld, 2 overturned` (+ ` · filtered`). */
export function describeCounts(counts: Counts, filter: Filter = NO_FILTER): string {
  const parts = [`${counts.upheld} upheld`, `${counts.overturned} overturned`];
  if (counts.missing) parts.push(`${counts.missing} missing`);
  const text = `${plural(counts.letters, 'letter')} · ${plural(counts.items, 'item')}: ${parts.join(', ')}`;
  return isFiltered(filter) ? `${text} · filtered` : text;
}

/** The status bar text for one letter file, e.g. `4 items: 3 upheld, 1 overturned`. */
export function statusText(letters: readonly LetterSummary[]): string {
  const c = countItems(letters);
  const parts = [`${c.upheld} upheld`, `${c.overturned} overturned`];
  if (c.missing) parts.push(`${c.missing} missing`);
  const prefix = letters.length > 1 ? `${plural(letters.length, 'letter')}, ` : '';
  return `${prefix}${plural(c.items, 'item')}: ${parts.join(', ')}`;
}

/**
 * The item whose block contains `line` in the document `uri`: the last item heading at or
 * before the line, inside the same letter. Null before the first item or outside letters.
 */
export function itemAtLine(letters: readonly LetterSummary[], uri: string, line: number): ItemRef | null {
  let best: ItemRef | null = null;
  for (const letter of letters) {
    if (letter.uri !== uri || line < letter.range.start.line || line > letter.range.end.line) continue;
    letter.items.forEach((item, itemIndex) => {
      if (item.headingRange.start.line <= line && (!best || item.headingRange.start.line >= best.item.headingRange.start.line)) {
        best = { letter, item, itemIndex };
      }
    });
  }
  return best;
}

/** Finds the node of an item ref in built groups (for reveal). */
export function findItemNode(groups: readonly GroupNode[], ref: ItemRef): ItemNode | undefined {
  const id = itemId(ref);
  for (const g of groups) {
    const hit = g.items.find((n) => itemId(n.ref) === id);
    if (hit) return hit;
  }
  return undefined;
}
