/**
 * What a reader of a heard version can comment on, section by section: the texts (split into
 * numbered paragraphs at blank lines), each target on its own (so a council can comment on a
 * target's ambition, as seed 000 asks), and a results audit's figures as one section.
 */
import { describeTarget } from '../targets/index.js';
import { targetsOf, type AuditContent, type DocumentKind, type ImplementationPlanContent, type PlanContent } from './content.js';

export interface DocumentSection {
  /** The content path the section stands for, e.g. `citizen.strategy` or `goals.0.targets.1`. */
  path: string;
  title: string;
  kind: 'text' | 'target' | 'figures';
  paragraphs: string[];
  /** A target's measure, for the units of its status. */
  measure?: string;
}

const split = (text: string | undefined) => (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** The sections of a document in reading order, ending with the document as a whole. */
export function documentSections(kind: DocumentKind, content: unknown): DocumentSection[] {
  const out: DocumentSection[] = [];
  const text = (path: string, title: string, t: string | undefined) => out.push({ path, title, kind: 'text', paragraphs: split(t) });
  const targets = new Map<string, ReturnType<typeof targetsOf>>();
  for (const t of targetsOf(kind, content)) {
    const base = t.path.replace(/\.\d+$/, '');
    targets.set(base, [...(targets.get(base) ?? []), t]);
  }
  /** The targets under `base` (e.g. `goals.0.targets`), one section each. */
  const targetsUnder = (base: string) => {
    for (const t of targets.get(base) ?? []) out.push({ path: t.path, title: `Mål: ${t.target.title}`, kind: 'target', paragraphs: [describeTarget(t.target)], measure: t.target.indicator?.measure });
  };
  if (kind === 'employment_plan') {
    const c = content as PlanContent;
    (c.goals ?? []).forEach((g, i) => {
      text(`goals.${i}.strategy`, `Ministermål ${g.number}: ${g.title}`, g.strategy);
      targetsUnder(`goals.${i}.targets`);
    });
    (c.challenges ?? []).forEach((x, i) => text(`challenges.${i}.text`, `Udfordring: ${x.title}`, x.text));
    text('citizen.strategy', 'Borgerrettet indsats', c.citizen?.strategy);
    targetsUnder('citizen.targets');
    text('business.strategy', 'Virksomhedsrettet indsats', c.business?.strategy);
    targetsUnder('business.targets');
    text('business.council_grants', 'LBR’s plan for LBR-midlerne', c.business?.council_grants);
    text('other_actors.strategy', 'Andre aktører', c.other_actors?.strategy);
    (c.local_goals ?? []).forEach((g, i) => {
      text(`local_goals.${i}.strategy`, `Lokalt mål: ${g.title}`, g.strategy);
      targetsUnder(`local_goals.${i}.targets`);
    });
    text('budget.note', 'Budget', c.budget?.note);
  } else if (kind === 'results_audit') {
    const c = content as AuditContent;
    out.push({ path: 'generated', title: 'Resultaterne (tal fra statistikbanken)', kind: 'figures', paragraphs: [] });
    const labels = { summary: 'Jobcenterets sammenfatning', results: 'Analyse af resultaterne', goals: 'Analyse af ministermålene', improvements: 'Opfølgning og forbedringer' } as const;
    for (const [k, label] of Object.entries(labels)) text(`analysis.${k}`, label, c.analysis?.[k as keyof typeof labels]);
  } else if (kind === 'implementation_plan') {
    ((content as ImplementationPlanContent).goals ?? []).forEach((g, i) => {
      text(`goals.${i}.implementation`, g.title, g.implementation);
      targetsUnder(`goals.${i}.targets`);
    });
  }
  out.push({ path: 'general', title: 'Dokumentet som helhed', kind: 'text', paragraphs: [] });
  return out;
}
