/**
 * A region's targets and implementation plan (regionale mål og implementeringsplan), written
 * by its regional monitors: per regional goal an implementation plan and targets. The region's
 * own document: heard by its RBR, and published straight from the draft.
 */
import { z } from 'zod';
import { commentsSchema, targets, text, type KindSection, type KindSpec } from './base.js';
import { paragraphs, targetsTable } from './html.js';

export const implementationPlanContentSchema = z.object({
  goals: z.array(z.object({ title: z.string().trim().min(1, 'giv målet en overskrift'), implementation: text, targets })).max(30).default([]),
  comments: commentsSchema,
});
export type ImplementationPlanContent = z.infer<typeof implementationPlanContentSchema>;

const sections = (c: ImplementationPlanContent): KindSection[] =>
  c.goals.flatMap((g, i): KindSection[] => [
    { path: `goals.${i}.implementation`, group: g.title, title: `${g.title}: implementeringsplan`, type: 'text', text: g.implementation },
    { path: `goals.${i}.targets`, group: g.title, title: `${g.title}: mål`, type: 'targets', targets: g.targets, required: `${g.title}: sæt mindst ét mål.` },
  ]);

export const implementationPlan = {
  name: 'Regionale mål og implementeringsplan',
  levels: ['employment_region'],
  editor: () => 'regional_monitor',
  schema: implementationPlanContentSchema,
  create: () => implementationPlanContentSchema.parse({}),
  sections,
  check: (c) => ({ missing: c.goals.length === 0 ? [{ path: 'goals', message: 'Sæt mindst ét regionalt mål.' }] : [], notes: [] }),
  html: (c, v) => (c.goals.length === 0 ? [{ id: 'maal', title: 'Regionale mål', html: '<p class="empty">Ingen mål.</p>' }] : c.goals.map((g, i) => ({ id: `maal-${i + 1}`, title: g.title, html: `<h3>Implementeringsplan</h3>${paragraphs(g.implementation)}<h3>Mål</h3>${targetsTable(g.targets, v.targets, `goals.${i}.targets`)}` }))),
  transitions: { publish: ['draft'] },
  comments: 'Bemærkninger',
  hearing: { bodies: 'rbr', toRbr: false },
} satisfies KindSpec<ImplementationPlanContent>;
