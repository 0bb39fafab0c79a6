/**
 * Comparing two versions of a document: each field (a text, or a list of targets or lines)
 * as lines, and a line diff (longest common subsequence) of every field that changed.
 */
import { describeTarget } from '../targets/index.js';
import { textLines } from './kinds/base.js';
import { kindSpec, type DocumentKind } from './kinds/index.js';

export interface Field {
  key: string;
  label: string;
  lines: string[];
}

export interface FieldDiff {
  key: string;
  label: string;
  lines: { op: '=' | '+' | '-'; text: string }[];
}

/** The fields of a document's content, in reading order: its kind's sections, then the comments. */
export function fieldsOf(kind: DocumentKind, content: unknown): Field[] {
  const f: Field[] = kindSpec(kind).sections(content).map((s) => ({ key: s.path, label: s.title, lines: s.type === 'text' ? textLines(s.text) : s.type === 'targets' ? s.targets.map(describeTarget) : s.lines }));
  const comments = (content as { comments?: { lbr: string; region: string } }).comments;
  if (comments) {
    f.push({ key: 'comments.lbr', label: 'LBR’s bemærkninger', lines: textLines(comments.lbr) });
    f.push({ key: 'comments.region', label: 'Regionens bemærkninger', lines: textLines(comments.region) });
  }
  return f;
}

/** Line diff of two lists (LCS; documents' fields are short). */
export function diffLines(a: string[], b: string[]): FieldDiff['lines'] {
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: FieldDiff['lines'] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: '=', text: a[i++]! });
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ op: '-', text: a[i++]! });
    else out.push({ op: '+', text: b[j++]! });
  }
  return out;
}

/** The fields that differ between two versions' contents, with their line diffs. */
export function diffContents(kind: DocumentKind, before: unknown, after: unknown): FieldDiff[] {
  const a = new Map(fieldsOf(kind, before).map((f) => [f.key, f]));
  const b = fieldsOf(kind, after);
  const keys = [...new Set([...a.keys(), ...b.map((f) => f.key)])];
  const bm = new Map(b.map((f) => [f.key, f]));
  return keys.flatMap((key) => {
    const x = a.get(key), y = bm.get(key);
    const la = x?.lines ?? [], lb = y?.lines ?? [];
    if (la.length === lb.length && la.every((l, i) => l === lb[i])) return [];
    return [{ key, label: (y ?? x)!.label, lines: diffLines(la, lb) }];
  });
}
