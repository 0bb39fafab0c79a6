/**
 * Comparing two versions of a document: each field (a text, or a list of targets or lines)
 * as lines, and a line diff (longest common subsequence) of every field that changed.
 */
import { describeTarget, type Target } from '../targets/index.js';
import { responseApprovalNames, type AuditContent, type DocumentKind, type ImplementationPlanContent, type PlanContent, type RulesContent } from './content.js';

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

const textLines = (s: string) => (s.trim() === '' ? [] : s.split(/\r?\n/));
const targetLines = (ts: Target[]) => ts.map(describeTarget);
const money = (v: number | null) => (v === null ? '–' : `${v.toLocaleString('da-DK')} kr.`);

/** The fields of a document's content, in reading order. */
export function fieldsOf(kind: DocumentKind, content: unknown): Field[] {
  const f: Field[] = [];
  const add = (key: string, label: string, lines: string[]) => f.push({ key, label, lines });
  if (kind === 'employment_plan') {
    const c = content as PlanContent;
    for (const g of c.goals) {
      add(`goal${g.number}.strategy`, `Ministermål ${g.number}: strategi`, textLines(g.strategy));
      add(`goal${g.number}.targets`, `Ministermål ${g.number}: mål`, targetLines(g.targets));
    }
    c.challenges.forEach((x, i) => add(`challenge${i}`, `Udfordring ${i + 1}: ${x.title}`, [...textLines(x.text), ...x.figures.map((fig) => `Tal: ${fig.label} (${fig.indicator.table}/${fig.indicator.measure}, ${fig.indicator.area}${fig.period ? `, ${fig.period}` : ''})`)]));
    add('citizen.strategy', 'Borgerrettet indsats: strategi', textLines(c.citizen.strategy));
    add('citizen.targets', 'Borgerrettet indsats: mål', targetLines(c.citizen.targets));
    add('business.strategy', 'Virksomhedsrettet indsats: strategi', textLines(c.business.strategy));
    add('business.targets', 'Virksomhedsrettet indsats: mål', targetLines(c.business.targets));
    add('business.council_grants', 'LBR’s plan for LBR-midlerne', textLines(c.business.council_grants));
    add('other_actors', 'Andre aktører', [...(c.other_actors.share_pct === null ? [] : [`Andel: ${c.other_actors.share_pct.toLocaleString('da-DK')} %`]), ...textLines(c.other_actors.strategy)]);
    c.local_goals.forEach((g, i) => add(`local${i}`, `Lokalt mål: ${g.title}`, [...textLines(g.strategy), ...targetLines(g.targets)]));
    add('budget', 'Budget', [...c.budget.lines.map((l) => `${l.label}: stat ${money(l.state)}, kommune ${money(l.municipal)}`), ...textLines(c.budget.note)]);
  } else if (kind === 'results_audit') {
    const c = content as AuditContent;
    const labels: Record<keyof AuditContent['analysis'], string> = { summary: 'Jobcenterets sammenfatning', results: 'Analyse af resultaterne', goals: 'Analyse af ministermålene', improvements: 'Opfølgning og forbedringer' };
    for (const k of Object.keys(labels) as (keyof typeof labels)[]) add(`analysis.${k}`, labels[k], textLines(c.analysis[k]));
    add('generated', 'Tal fra statistikken', [`Udgivelse ${String((c.generated as { release?: { version?: number } }).release?.version ?? '–')}`]);
  } else if (kind === 'rules_of_procedure') {
    const c = content as RulesContent;
    add('text', 'Forretningsorden', textLines(c.text));
    add('settings', 'Møder og høringssvar', [`Møder om året: ${c.meetings_per_year ?? '–'}`, responseApprovalNames[c.response_approval]]);
  } else {
    const c = content as ImplementationPlanContent;
    c.goals.forEach((g, i) => add(`goal${i}`, g.title, [...textLines(g.implementation), ...targetLines(g.targets)]));
  }
  const comments = (content as { comments?: { lbr: string; region: string } }).comments;
  if (comments) {
    add('comments.lbr', 'LBR’s bemærkninger', textLines(comments.lbr));
    add('comments.region', 'Regionens bemærkninger', textLines(comments.region));
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
