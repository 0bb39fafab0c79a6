/**
 * The benchmarking pages in Chromium on the hand-made release with a known answer: the
 * ranking with its scatter and model, a jobcenter's page, and the result-problem list for a
 * regional monitor (denied to the public). axe-core on each, and screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../src/benchmark/index.js';
import { publishBenchmarkFixture } from '../benchmark/fixture.js';
import { axeViolations, chromiumPath, logIn, screenshots, startSite, type Site } from './browser.js';

describe.skipIf(!chromiumPath)('benchmarking pages in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({
      publish: async (db) => {
        await publishBenchmarkFixture(db.db);
        await runBenchmark(db.db);
      },
    });
  });
  afterAll(async () => site?.close());

  it('public: the ranking, scatter and model; a click leads to the jobcenter', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.base + '/');
    await page.getByRole('link', { name: 'Benchmarking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Benchmarking af jobcentrene' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await page.getByLabel('Mål').selectOption('share_kontanthjaelp');
    await page.waitForURL(/maal=share_kontanthjaelp/);
    const last = page.locator('tbody tr').filter({ hasText: 'Jobcenter København' });
    await expect.poll(() => last.locator('td').first().textContent()).toBe('94');
    // The actual level with its unit, the same number as the ranking API gives.
    const api = (await (await page.request.get(`${site.base}/api/benchmark/ranking?measure=share_kontanthjaelp`)).json()) as { rows: { jobcenter: string; actual: number }[] };
    const mine = api.rows.find((r) => r.jobcenter === 'J101')!;
    expect(await last.locator('td').nth(1).textContent()).toBe(`${mine.actual.toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} pct.`);
    expect(await page.getByRole('img', { name: /Punktdiagram/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Modellen bag det forventede niveau' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Resultatproblemer' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/benchmark.png`, fullPage: true });
    await page.getByRole('link', { name: 'Jobcenter København' }).click();
    await page.getByRole('heading', { level: 1, name: 'Benchmarking: Jobcenter København' }).waitFor();
    // Every figure with its unit, the period in Danish.
    await page.getByText(/^Seneste løbende år, \p{L}+–\p{L}+ \d{4}: faktisk \d+,\d{2} pct\., forventet \d+,\d{2} pct\. \(interval \d+,\d{2}–\d+,\d{2} pct\.\), løfteevne \(faktisk ÷ forventet\) 1,[5-7]\d, nr\. 94 af 94\.$/u).waitFor();
    expect(await page.getByRole('heading', { name: 'Resultatproblemer' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Nærmeste naboer' }).isVisible()).toBe(true);
    expect(await page.locator('ol li').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/benchmark-jobcenter.png`, fullPage: true });
    await page.close();
  });

  it('statistics bank: the benchmarking as a table, and a peer cluster as an area', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.base + '/statistik');
    await page.getByRole('link', { name: 'Benchmarking: forventet og faktisk niveau' }).click();
    await page.getByRole('heading', { level: 1, name: 'Benchmarking: forventet og faktisk niveau' }).waitFor();
    // The default view: every jobcenter on the first measure in the newest rolling year.
    const cph = page.locator('tbody tr').filter({ hasText: 'Jobcenter København' });
    await cph.first().waitFor();
    expect(await page.locator('tbody tr').filter({ hasText: /^Jobcenter|Jobcenter / }).count()).toBeGreaterThanOrEqual(94);
    await page.screenshot({ path: `${screenshots}/statistik-benchmark.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(site.base + '/statistik/ptv_a02?period.R=latest%3A1&hierarchy._jobcenter=J101&dimension.ydelsesgrupper=category_kontanthjaelp');
    await page.locator('tbody tr').filter({ hasText: 'Jobcenter København' }).first().waitFor();
    await page.getByLabel('Områder').selectOption([{ label: 'Jobcenter København' }, { label: 'Klynge 1 (gns. pr. jobcenter)' }]);
    await page.waitForURL(/hierarchy\._klynge=KL1/);
    await page.locator('tbody tr').filter({ hasText: 'Klynge 1' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/statistik-klynge.png`, fullPage: true });
    await page.close();
  });

  it('a regional monitor sees the result problems of the region, with evidence; the public is sent to log in', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(site.base + '/resultatproblemer');
    await page.waitForURL(/\/login\?next=%2Fresultatproblemer$/);
    await logIn(page, site.base, 'regional_monitor', '');
    await page.waitForURL(/\/resultatproblemer$/);
    await page.getByRole('heading', { name: /Vedvarende resultatproblemer \(1\)/ }).waitFor();
    const row = page.locator('tbody tr').filter({ hasText: 'Jobcenter København' });
    expect(await row.textContent()).toContain('Dårligere end forventet');
    await row.locator('summary').click(); // the evidence: the cluster's løfteevne
    await row.getByText(/^Løfteevne \(faktisk ÷ forventet\) i klynge \d+:\s+\p{L}/u).waitFor();
    // Actual and expected with their unit.
    expect(await row.locator('td').nth(3).textContent()).toMatch(/^\d+,\d{2} pct\.$/);
    expect(await page.getByText('Jobcenter Aarhus').count()).toBe(0); // another region
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/resultatproblemer.png`, fullPage: true });
    await ctx.close();
  });
});
