import { describe, expect, it } from 'vitest';
import { formatValue, periodName, targetAmount } from '../../src/statbank/index.js';
import { describeIndicator, describeTarget, evaluateTarget, targetSchema } from '../../src/targets/index.js';

const flex = { table: 'y08a02', measure: 'persons', area: 'J101', dims: {}, freq: 'M' as const };

describe('a target in Danish words and units', () => {
  it('names the table, measure, dimension values and area, never their ids', () => {
    expect(describeIndicator(flex)).toBe('Fleksjob: antal personer, Jobcenter København');
    expect(describeIndicator({ table: 'styr_aktivering', measure: 'activated', area: 'KL3', dims: { tilbud: 'vejledning_opkvalificering' }, freq: 'M' })).toBe('Aktivering efter tilbud, Vejledning og opkvalificering i alt: antal aktiverede, Klynge 3 (gns. pr. jobcenter)');
  });

  it('writes persons whole, rounded to the side that meets the target; rates with decimals and pct.', () => {
    // +2 % of 631 persons = 643,62: at least 644 persons meets it.
    const t = targetSchema.parse({ title: 'Flere i fleksjob', indicator: flex, baseline: { period: '2024M12', value: 631 }, goal: { kind: 'relative_change', value: 0.02 }, deadline: '2025M12' });
    expect(describeTarget(t)).toBe('Flere i fleksjob: mindst 644 personer i december 2025 (+2 % fra december 2024: 631 personer). Måles som Fleksjob: antal personer, Jobcenter København.');
    // −3 % of 650 = 630,5: at most 630.
    expect(targetAmount(630.5, 'persons', 'at_most')).toBe(630);
    expect(targetAmount(643.62, 'persons', 'at_least')).toBe(644);
    expect(targetAmount(917.62, 'fulltime', 'at_most')).toBe(917.6);
    expect(formatValue(14.6, 'pct_population')).toBe('14,6 pct. af befolkningen 16-66 år');
    expect(formatValue(652, 'persons')).toBe('652 personer');
    const share = targetSchema.parse({ title: 'Højere aktiveringsgrad', indicator: { ...flex, table: 'styr_aktivering', measure: 'activation_rate', dims: { ydelsesgrupper: 'category_kontanthjaelp' } }, baseline: { period: '2024M12', value: 9.7 }, goal: { kind: 'change', value: 2 }, deadline: '2025M12' });
    expect(describeTarget(share)).toMatch(/^Højere aktiveringsgrad: mindst 11,7 pct\. \(aktiveringsgrad\) i december 2025 \(\+2,0 procentpoint fra december 2024: 9,7 pct\. \(aktiveringsgrad\)\)\. Måles som Aktivering efter tilbud, Kontanthjælp m\.v\.: aktiveringsgrad, Jobcenter København\.$/);
  });

  it('a passed deadline that was missed is "Ikke nået", with the whole count in the reason', () => {
    const t = targetSchema.parse({ title: 'Flere i fleksjob', indicator: flex, baseline: { period: '2024M12', value: 631 }, goal: { kind: 'relative_change', value: 0.02 }, deadline: '2025M12' });
    const e = evaluateTarget(t, [{ period: '2025M11', value: 620 }, { period: '2025M12', value: 615 }]);
    expect(e.status).toBe('missed');
    expect(e.reason).toBe('December 2025: 615 personer; målet var mindst 644 personer og blev ikke nået.');
  });

  it('writes periods in Danish', () => {
    expect(periodName('2025M12')).toBe('december 2025');
    expect(periodName('2025Q2')).toBe('2. kvartal 2025');
    expect(periodName('2025M01-2025M12')).toBe('januar–december 2025');
    expect(periodName('2024M07-2025M06')).toBe('juli 2024–juni 2025');
  });
});
