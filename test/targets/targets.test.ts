/** Targets: their value, status and forecast on series with known answers. */
import { describe, expect, it } from 'vitest';
import { evaluateTarget, forecast, probabilityOfMeeting, targetSchema, targetValue, type Target } from '../../src/targets/index.js';

const month = (k: number) => `${2022 + Math.floor(k / 12)}M${String((k % 12) + 1).padStart(2, '0')}`;
const season = [1.2, 1.1, 1, 0.9, 0.8, 0.9, 1, 1.05, 1.1, 1, 0.95, 1];
/** 2022M01–2024M12: 1 % growth a month times a fixed season, no noise. */
const exact = Array.from({ length: 36 }, (_, k) => ({ period: month(k), value: 100 * 1.01 ** k * season[k % 12]! }));
const indicator = { table: 'y25i09', measure: 'longterm_persons', area: 'J101', dims: {}, freq: 'M' as const };
const target = (t: Partial<Target>): Target => targetSchema.parse({ title: 'Færre langtidsledige', indicator, baseline: null, goal: null, deadline: null, ...t });

describe('target values', () => {
  it('a relative change from the baseline, as in seed 004: at most 21,600 long-term unemployed, −18 %', () => {
    const t = target({ baseline: { period: '2011M12', value: 26_341 }, goal: { kind: 'relative_change', value: -0.18 }, deadline: '2013M12' });
    const v = targetValue(t as Target & { goal: NonNullable<Target['goal']> });
    expect(v.direction).toBe('at_most');
    expect(v.value).toBeCloseTo(21_599.62, 2);
  });

  it('an absolute change: +6 percentage points on 22 % is at least 28 %', () => {
    const t = target({ baseline: { period: '2011M12', value: 22 }, goal: { kind: 'change', value: 6 }, deadline: '2013M12' });
    expect(targetValue(t as Target & { goal: NonNullable<Target['goal']> })).toEqual({ value: 28, direction: 'at_least' });
  });

  it('a target in words only is "ikke målbart"; a bound one must have a goal and a deadline (Danish errors by field)', () => {
    const words = targetSchema.parse({ title: 'Et tættere samarbejde med virksomhederne', indicator: null, baseline: null, goal: null, deadline: null });
    expect(evaluateTarget(words, exact)).toMatchObject({ status: 'not_measurable', target: null });
    const bad = targetSchema.safeParse({ title: 'Færre', indicator, baseline: null, goal: { kind: 'relative_change', value: -0.1 }, deadline: null });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort()).toEqual(['baseline: en ændring skal have et udgangspunkt', 'deadline: et målbart mål skal have en frist']);
  });
});

describe('forecast: trend and season', () => {
  it('continues an exact seasonal growth series exactly, with no band', () => {
    const fc = forecast(exact, '2025M06')!;
    const k = 41; // 2025M06
    expect(fc.scale).toBe('log');
    expect(fc.seasonal).toBe(true);
    expect(fc.value).toBeCloseTo(100 * 1.01 ** k * season[5]!, 6);
    expect(fc.upper - fc.lower).toBeLessThan(1e-6);
    expect([fc.from, fc.to, fc.n]).toEqual(['2022M01', '2024M12', 36]);
    expect(fc.method).toContain('fast niveau for hver måned');
  });

  it('gives the textbook prediction interval of a straight line: σ²(1 + 1/n + (h − x̄)²/Sxx)', () => {
    // Yearly values with noise ±1 around 10 + 0.5·year (one negative, so the linear scale).
    const e = [1, -1, -1, 1, 1, -1, 1, -1];
    const ys = e.map((x, i) => ({ period: String(2017 + i), value: (i === 0 ? -20 : 10) + 0.5 * i + x }));
    const fc = forecast(ys, '2027', 0.8)!;
    expect(fc.scale).toBe('linear');
    expect(fc.seasonal).toBe(false);
    // Independently: OLS by the closed form.
    const xs = ys.map((_, i) => i), n = xs.length;
    const xm = xs.reduce((a, b) => a + b, 0) / n, ym = ys.reduce((a, p) => a + p.value!, 0) / n;
    const sxx = xs.reduce((a, x) => a + (x - xm) ** 2, 0);
    const b = xs.reduce((a, x, i) => a + (x - xm) * (ys[i]!.value! - ym), 0) / sxx;
    const a0 = ym - b * xm;
    const s2 = xs.reduce((a, x, i) => a + (ys[i]!.value! - a0 - b * x) ** 2, 0) / (n - 2);
    const h = 10; // 2027 is three years after 2024 (x = 7)
    expect(fc.value).toBeCloseTo(a0 + b * h, 9);
    expect(fc.sd).toBeCloseTo(Math.sqrt(s2 * (1 + 1 / n + (h - xm) ** 2 / sxx)), 9);
    // t(0.9, 6) = 1.4398
    expect((fc.upper - fc.value) / fc.sd).toBeCloseTo(1.4398, 3);
    // At the forecast itself the odds are even; one sd better, Φ(1) = 0.841.
    expect(probabilityOfMeeting(fc, fc.value, 'at_least')).toBeCloseTo(0.5, 6); // Φ to 1.2e-7
    expect(probabilityOfMeeting(fc, fc.value - fc.sd, 'at_least')).toBeCloseTo(0.8413, 4);
    expect(probabilityOfMeeting(fc, fc.value - fc.sd, 'at_most')).toBeCloseTo(0.1587, 4);
  });

  it('needs six published periods in the last three years', () => {
    expect(forecast(exact.slice(0, 5), '2025M06')).toBeNull();
    expect(forecast(exact.map((p, i) => (i < 31 ? p : { ...p, value: null })).slice(0, 36), '2025M06')).not.toBeNull();
  });
});

describe('target status', () => {
  const at2025M06 = 100 * 1.01 ** 41 * season[5]!;
  it('on track, at risk or off track by the forecast; met or missed once the deadline is in the data', () => {
    const level = (value: number, direction: 'at_least' | 'at_most', deadline = '2025M06') => evaluateTarget(target({ goal: { kind: 'level', value }, direction, deadline }), exact);
    expect(level(at2025M06 * 1.01, 'at_most')).toMatchObject({ status: 'on_track', probability: 1 });
    expect(level(at2025M06 * 0.99, 'at_most')).toMatchObject({ status: 'off_track', probability: 0 });
    const dec2024 = exact.at(-1)!.value!;
    expect(level(dec2024 + 0.01, 'at_most', '2024M12')).toMatchObject({ status: 'met', atDeadline: { period: '2024M12', value: dec2024 } });
    expect(level(dec2024 - 0.01, 'at_most', '2024M12').status).toBe('missed');
    const hidden = exact.map((p) => (p.period === '2024M06' ? { ...p, value: null } : p));
    expect(evaluateTarget(target({ goal: { kind: 'level', value: 1 }, direction: 'at_least', deadline: '2024M06' }), hidden)).toMatchObject({ status: 'no_data', reason: 'Tallet for juni 2024 er ikke offentliggjort.' });
    // A deadline before the data (seed 004's 2013 targets): not judged, and marked so.
    expect(evaluateTarget(target({ goal: { kind: 'level', value: 1 }, direction: 'at_least', deadline: '2013M12' }), exact)).toMatchObject({ status: 'no_data', before_data: true, reason: 'Fristen december 2013 ligger før statistikbankens første periode (januar 2022), så målet kan ikke følges op på disse tal.' });
  });

  it('at risk when the band straddles the target', () => {
    const noisy = exact.map((p, i) => ({ ...p, value: p.value * (i % 2 === 0 ? 1.03 : 0.97) }));
    const fc = forecast(noisy, '2025M06')!;
    const e = evaluateTarget(target({ goal: { kind: 'level', value: fc.value }, direction: 'at_least', deadline: '2025M06' }), noisy);
    expect(e.status).toBe('at_risk');
    expect(e.probability).toBeCloseTo(0.5, 6);
    expect(e.reason).toMatch(/^Prognosen for juni 2025 er \d+ personer \(80 %-interval \d+–\d+ personer\); målet er mindst \d+ personer\. Sandsynligheden for at nå det er 50 %\.$/);
  });
});
