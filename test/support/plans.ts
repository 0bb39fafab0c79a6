import type { PlanContent } from '../../src/documents/index.js';

export const kontanthjaelp = { table: 'ptv_a02', measure: 'pct_population', area: 'J101', dims: { ydelsesgrupper: 'category_kontanthjaelp' }, freq: 'R' as const };

/**
 * A plan with the law's minimum content for the given goals: one measurable target per goal,
 * a challenge with a live figure, both efforts, other actors and a budget line.
 */
export function completePlan(content: PlanContent, baseline = 10, o: { citizenStrategy?: string } = {}): PlanContent {
  const target = (title: string) => ({ title, indicator: kontanthjaelp, baseline: { period: '2025M01-2025M12', value: baseline }, goal: { kind: 'relative_change' as const, value: -0.05 }, deadline: '2026M01-2026M12' });
  return {
    ...content,
    goals: content.goals.map((g) => ({ ...g, strategy: `Strategi for mål ${g.number}.`, targets: [target(`Færre på kontanthjælp (mål ${g.number})`)] })),
    challenges: [{ title: 'Mange på kontanthjælp', text: 'Andelen er høj.', figures: [{ label: 'Kontanthjælp, pct. af befolkningen', indicator: kontanthjaelp, period: '2025M01-2025M12' }] }],
    citizen: { strategy: o.citizenStrategy ?? 'Tidlig indsats.', targets: [target('Borgerrettet mål')] },
    business: { strategy: 'Flere virksomhedspraktikker.', targets: [{ title: 'Bedre kontakt til virksomhederne', indicator: null, baseline: null, goal: null, deadline: null }], council_grants: 'LBR-midlerne går til brobygning.' },
    other_actors: { share_pct: 12.5, strategy: 'Andre aktører bruges til specialiserede forløb.' },
    budget: { lines: [{ label: 'Løntilskud', state: 1_000_000, municipal: 250_000 }], note: '' },
  };
}
