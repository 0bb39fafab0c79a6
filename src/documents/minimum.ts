/**
 * The minimum content the law demands before a document goes to hearing (seed 000, "skal som
 * minimum indeholde"): each missing item names the field, in Danish. Targets without an
 * indicator are allowed but listed as notes, since the goals must be concrete and measurable.
 */
import { isMeasurable } from '../targets/index.js';
import type { AuditContent, DocumentKind, ImplementationPlanContent, PlanContent, RulesContent } from './content.js';

export interface ContentIssue {
  /** The field, as a path into the content (e.g. goals.0.strategy). */
  path: string;
  message: string;
}

export interface ContentCheck {
  /** What blocks the hearing. */
  missing: ContentIssue[];
  /** Worth fixing, not blocking. */
  notes: ContentIssue[];
}

const blank = (s: string | undefined) => !s || s.trim() === '';

export function checkContent(kind: DocumentKind, content: unknown): ContentCheck {
  if (kind === 'employment_plan') return checkPlan(content as PlanContent);
  if (kind === 'results_audit') return checkAudit(content as AuditContent);
  if (kind === 'rules_of_procedure') return { missing: blank((content as RulesContent).text) ? [{ path: 'text', message: 'Skriv forretningsordenens tekst.' }] : [], notes: [] };
  return checkImplementationPlan(content as ImplementationPlanContent);
}

function checkPlan(c: PlanContent): ContentCheck {
  const missing: ContentIssue[] = [];
  const notes: ContentIssue[] = [];
  const need = (cond: boolean, path: string, message: string) => cond && missing.push({ path, message });
  if (c.goals.length === 0) missing.push({ path: 'goals', message: 'Planen mangler ministermålene for året.' });
  c.goals.forEach((g, i) => {
    need(blank(g.strategy), `goals.${i}.strategy`, `Ministermål ${g.number} (${g.title}): skriv en strategi.`);
    need(g.targets.length === 0, `goals.${i}.targets`, `Ministermål ${g.number} (${g.title}): sæt mindst ét mål.`);
    if (g.targets.length > 0 && !g.targets.some(isMeasurable)) notes.push({ path: `goals.${i}.targets`, message: `Ministermål ${g.number}: ingen af målene er målbare (bundet til et tal i statistikbanken).` });
  });
  need(!c.challenges.some((x) => !blank(x.text)), 'challenges', 'Beskriv de vigtigste beskæftigelsespolitiske udfordringer (mindst én udfordring med tekst).');
  need(blank(c.citizen.strategy), 'citizen.strategy', 'Borgerrettet indsats: skriv en strategi.');
  need(c.citizen.targets.length === 0, 'citizen.targets', 'Borgerrettet indsats: sæt mindst ét mål.');
  need(blank(c.business.strategy), 'business.strategy', 'Virksomhedsrettet indsats: skriv en strategi.');
  need(c.business.targets.length === 0, 'business.targets', 'Virksomhedsrettet indsats: sæt mindst ét mål.');
  need(blank(c.business.council_grants), 'business.council_grants', 'Virksomhedsrettet indsats: beskriv LBR’s plan for brugen af LBR-midlerne.');
  need(c.other_actors.share_pct === null, 'other_actors.share_pct', 'Andre aktører: angiv hvor stor en del af indsatsen (pct.), der forventes varetaget af andre aktører.');
  need(blank(c.other_actors.strategy), 'other_actors.strategy', 'Andre aktører: skriv en strategi.');
  need(!c.budget.lines.some((l) => l.state !== null || l.municipal !== null), 'budget.lines', 'Budget: angiv mindst én budgetlinje med et beløb.');
  for (const [path, targets] of [['citizen.targets', c.citizen.targets], ['business.targets', c.business.targets]] as const) {
    if (targets.length > 0 && !targets.some(isMeasurable)) notes.push({ path, message: `${path.startsWith('citizen') ? 'Borgerrettet' : 'Virksomhedsrettet'} indsats: ingen af målene er målbare.` });
  }
  return { missing, notes };
}

/** The audit's minimum (seed 000): results against last year, the ministerial goals and the peers; benefits by target group; savings; improvement areas. */
function checkAudit(c: AuditContent): ContentCheck {
  const g = c.generated as Record<string, unknown>;
  const sections: [string, string][] = [
    ['overview', 'resultaterne i forhold til sidste år og sammenlignelige jobcentre'],
    ['goals', 'ministermålene'],
    ['benefits', 'udviklingen i personer på offentlige ydelser fordelt på målgrupper'],
    ['savings', 'besparelsespotentialet'],
    ['improvements', 'forbedringsområderne'],
  ];
  return { missing: sections.filter(([k]) => g[k] === undefined).map(([k, what]) => ({ path: `generated.${k}`, message: `Revisionen mangler ${what}. Dan den igen med styr audit generate.` })), notes: [] };
}

function checkImplementationPlan(c: ImplementationPlanContent): ContentCheck {
  const missing: ContentIssue[] = [];
  if (c.goals.length === 0) missing.push({ path: 'goals', message: 'Sæt mindst ét regionalt mål.' });
  c.goals.forEach((g, i) => {
    if (g.targets.length === 0) missing.push({ path: `goals.${i}.targets`, message: `${g.title}: sæt mindst ét mål.` });
  });
  return { missing, notes: [] };
}
