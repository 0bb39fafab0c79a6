/**
 * The composition check against the rules as data: a full LBR passes; a missing DH seat, too
 * many LO seats, an expired term, a member without substitute and a chair outside the mayor's
 * seat are each caught with a Danish message; the RBR in Hovedstaden & Sjælland has twice the
 * seats; the RBR's chair is elected for at most 2 years; the RAR rules apply from 2015; the
 * check says which rules it applied, and when they are no longer in force.
 */
import { describe, expect, it } from 'vitest';
import { checkComposition, checkDate, compositionFor, rulesApplied, type CompositionProblem } from '../../src/councils/index.js';

let nextId = 1;
const member = (seat: string, o: Partial<{ term_to: string | null; substitute_name: string | null; office: string | null; office_from: string | null; office_to: string | null }> = {}) => ({
  id: nextId++, seat, name: `${seat} ${nextId}`, substitute_name: 'Suppleant', term_from: '2012-01-01', term_to: '2014-12-31', office: null, office_from: null, office_to: null, ...o,
});

/** The LBR of the law: 15 seats, the mayor chairing. */
const fullLbr = () => [
  member('municipal_council', { office: 'chair' }),
  ...['DA', 'DA', 'DA', 'LO', 'LO', 'LO', 'FTF', 'AC', 'DH', 'DH', 'PLO', 'integration_council', 'local_associations', 'local_associations'].map((s) => member(s)),
];
const kinds = (ps: CompositionProblem[]) => ps.map((p) => `${p.kind}${'seat' in p ? `:${p.seat}` : ''}`);
const lbr = compositionFor('LBR', '2013-06-01')!;

describe('the composition check', () => {
  it('passes the law’s LBR and names the rules it used', () => {
    expect(lbr.outside_period).toBe(false);
    expect(lbr.seats!.reduce((s, x) => s + x.max, 0)).toBe(15);
    expect(checkComposition(lbr, fullLbr(), '2013-06-01')).toEqual([]);
  });

  it('catches a council with a missing DH seat', () => {
    const ms = fullLbr().filter((m, i, all) => !(m.seat === 'DH' && all.findIndex((x) => x.seat === 'DH') === i));
    const problems = checkComposition(lbr, ms, '2013-06-01');
    expect(kinds(problems)).toEqual(['vacant:DH']);
    expect(problems[0]!.message).toBe('DH: 1 plads er ubesat (1 af 2).');
  });

  it('catches a council with too many LO seats', () => {
    const problems = checkComposition(lbr, [...fullLbr(), member('LO')], '2013-06-01');
    expect(kinds(problems)).toEqual(['over_filled:LO']);
    expect(problems[0]!.message).toBe('LO: 4 medlemmer, men højst 3.');
  });

  it('counts an expired term as expired and its seat as vacant', () => {
    const ms = fullLbr();
    ms[1] = { ...ms[1]!, term_to: '2013-03-31' };
    expect(kinds(checkComposition(lbr, ms, '2013-06-01'))).toEqual(['expired:DA', 'vacant:DA']);
  });

  it('wants a substitute for every LBR member and the mayor as chair', () => {
    const ms = fullLbr();
    ms[0] = { ...ms[0]!, office: null };
    ms[2] = { ...ms[2]!, office: 'chair', substitute_name: null };
    const problems = checkComposition(lbr, ms, '2013-06-01');
    expect(kinds(problems)).toEqual(['no_substitute:DA', 'chair']);
    expect(problems[1]!.message).toContain('Formanden skal være borgmesteren');
  });

  it('doubles the RBR in Hovedstaden & Sjælland and limits the elected chair to 2 years', () => {
    const single = compositionFor('RBR', '2013-06-01')!, double = compositionFor('RBR', '2013-06-01', true)!;
    expect(single.seats!.reduce((s, x) => s + x.min, 0)).toBe(21);
    expect(double.seats!.reduce((s, x) => s + x.min, 0)).toBe(42);
    const ms = single.seats!.flatMap((s) => Array.from({ length: s.min }, () => member(s.seat)));
    ms[0] = { ...ms[0]!, office: 'chair', office_from: '2013-01-01', office_to: '2014-12-31' };
    expect(checkComposition(single, ms, '2013-06-01')).toEqual([]);
    ms[0] = { ...ms[0]!, office_to: '2015-01-01' };
    expect(checkComposition(single, ms, '2013-06-01').map((p) => p.message)).toEqual(['Formanden vælges for højst 2 år, men DA 2 er valgt 01.01.2013–01.01.2015.'.replace('DA 2', ms[0]!.name)]);
  });

  it('uses the RAR rules from 2015 and keeps an LBR’s rules after its period, marked', () => {
    const rar = compositionFor('RAR', '2016-01-01')!;
    expect(rar.seats!.reduce((s, x) => s + x.min, 0)).toBe(21);
    expect(compositionFor('RAR', '2014-06-01')).toBeUndefined();
    expect(compositionFor('LBR', '2026-06-01')!.outside_period).toBe(true);
  });

  it('says which rules it applied: an LBR kept after 2014 by the last LBR rules, a RAR until 2024, an old RBR by its own era', () => {
    const old = rulesApplied(compositionFor('LBR', '2026-06-01')!, '2026-06-01');
    expect(old.short).toBe('reglerne for LBR 2007–2014, som kommunen følger frivilligt');
    expect(old.text).toMatch(/^Lokale beskæftigelsesråd har ikke været lovpligtige siden 1\.1\.2015/);
    const inForce = rulesApplied(compositionFor('LBR', '2013-03-01')!, '2013-03-01');
    expect(inForce).toEqual({ short: 'reglerne for LBR 2007–2014', text: 'Kontrolleret efter reglerne for LBR 2007–2014, som gælder 01.03.2013.' });
    expect(rulesApplied(compositionFor('RAR', '2016-06-01')!, '2016-06-01').short).toBe('reglerne for RAR 2015–2018');
    expect(rulesApplied(compositionFor('RAR', '2024-12-31')!, '2024-12-31').short).toBe('reglerne for RAR 2019–2024, på rådets sidste dag');
    expect(checkDate('RAR', '2026-06-01')).toBe('2024-12-31');
    // The 2007–2014 RBR in 2026 is checked by its own era's rules, not the 2025 councils'.
    const lbrEra = { from: 2007, to: 2014 };
    expect(compositionFor('RBR', '2026-06-01', false, lbrEra)).toMatchObject({ from: '2007-01-01', outside_period: true });
    expect(compositionFor('RBR', '2026-06-01')).toMatchObject({ from: '2025-01-01', seats: null, outside_period: false });
  });
});
