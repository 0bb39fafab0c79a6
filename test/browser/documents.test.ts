/**
 * The steering documents in Chromium on the benchmarking fixture (ptv_a02 by rolling year)
 * with the historical ministerial goals: a jobcenter editor writes the 2026 employment plan
 * (refused for hearing until the minimum content is there, one target bound to the bank with
 * a live status), sends it to hearing and downloads the PDF; two editors save the same plan
 * and the second is refused without losing the text; the 2025 results audit shows the
 * benchmarking's numbers exactly, in the page, the HTML and the PDF. axe-core on each page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../src/benchmark/index.js';
import { ensureHistoricalGoals } from '../../src/documents/index.js';
import { publishBenchmarkFixture } from '../benchmark/fixture.js';
import { axeViolations, chromiumPath, logIn, pdfText, screenshots, startSite, type Site } from './browser.js';

const da2 = (v: number) => v.toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });


describe.skipIf(!chromiumPath)('steering documents in Chromium', () => {
  let site: Site;
  let planId = 0;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    site = await startSite({
      publish: async (db) => {
        await publishBenchmarkFixture(db.db);
        await runBenchmark(db.db);
        await ensureHistoricalGoals(db.db);
      },
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await site?.close();
  });

  /** A page in a fresh browser context, logged in as the jobcenter editor of J101. */
  async function editor(): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await site.browser.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    await logIn(page, site.base, 'jobcenter_editor');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return { ctx, page };
  }

  /** Creates a document through the list page's form and waits for its page. */
  async function create(page: Page, kind: 'employment_plan' | 'results_audit', year: number): Promise<number> {
    await page.goto(`${site.base}/dokumenter`);
    await page.getByText('Ny beskæftigelsesplan eller resultatrevision').click();
    await page.locator('#new-kind').selectOption(kind);
    await page.locator('#new-year').fill(String(year));
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.waitForURL(/\/dokumenter\/\d+$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: new RegExp(`${year} – Jobcenter København`) }).waitFor();
    return Number(new URL(page.url()).pathname.split('/').pop());
  }

  const byId = (page: Page, id: string) => page.locator(`#${id}`);

  it('the editor writes the 2026 plan: refused for hearing until the minimum content is there, then sent', async () => {
    const { ctx, page } = await editor();
    planId = await create(page, 'employment_plan', 2026);
    expect(await page.locator('.badge').first().textContent()).toBe('Kladde');

    // Sending the empty plan: the minimum-content list, and the plan stays a draft.
    await page.getByRole('button', { name: 'Send i høring' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'kan ikke sendes i høring' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBeGreaterThanOrEqual(10);
    expect(await summary.textContent()).toContain('Borgerrettet indsats: skriv en strategi.');
    expect(await page.locator('.badge').first().textContent()).toBe('Kladde');
    // A link in the summary focuses its field.
    await summary.getByRole('link', { name: 'Borgerrettet indsats: skriv en strategi.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-citizen-strategy');

    // Every ministerial goal: a strategy and a target (the 2019 set in force: 6 goals).
    const goals = await page.locator('[id^="f-goals-"][id$="-strategy"]').count();
    expect(goals).toBe(6);
    for (let i = 0; i < goals; i++) {
      await byId(page, `f-goals-${i}-strategy`).fill(`Strategi for ministermål ${i + 1}.`);
      await byId(page, `f-goals-${i}-targets`).click();
      const measurable = byId(page, `f-goals-${i}-targets-0-measurable`);
      // A new target under a ministerial goal comes with the goal's indicator in the jobcenter's area.
      if (i === 0) await expect.poll(() => measurable.isChecked()).toBe(true);
      else {
        await page.waitForTimeout(300);
        if (await measurable.isChecked()) await measurable.uncheck(); // here the other goals' targets stay unmeasured
      }
      await byId(page, `f-goals-${i}-targets-0-title`).fill(i === 0 ? 'Færre på kontanthjælp' : `Mål M${i + 1}`);
    }
    // The first target bound to the bank: ptv_a02, pct. of the population, kontanthjælp, rolling years.
    const t = 'f-goals-0-targets-0';
    await byId(page, `${t}-measurable`).check();
    await byId(page, `${t}-table`).selectOption('ptv_a02');
    await byId(page, `${t}-measure`).selectOption('pct_population');
    expect(await byId(page, `${t}-area`).inputValue()).toBe('J101');
    await byId(page, `${t}-dim-ydelsesgrupper`).selectOption('category_kontanthjaelp');
    await byId(page, `${t}-freq`).selectOption('R');
    await byId(page, `${t}-baseline-period`).selectOption('2025M01-2025M12');
    // The baseline's value comes from the bank.
    const bank = await (await ctx.request.get(`${site.base}/v3/data/ptv_a02?period.R=2025M01-2025M12&hierarchy._jobcenter=J101&dimension.ydelsesgrupper=category_kontanthjaelp&mgroup.*=pct_population`)).json() as { columns: string[]; rows: (string | number | null)[][] };
    const baseline = bank.rows[0]!.at(-1) as number;
    expect(typeof baseline).toBe('number');
    await expect.poll(() => byId(page, `${t}-baseline-value`).inputValue()).toBe(String(baseline).replace('.', ','));
    await byId(page, `${t}-goal-kind`).selectOption('relative_change');
    await byId(page, `${t}-goal-value`).fill('-5');
    await byId(page, `${t}-deadline`).fill('2026M01-2026M12');

    // The challenge, the citizen and business efforts, other actors and the budget.
    await byId(page, 'f-challenges').click();
    await byId(page, 'f-challenges-0-title').fill('Mange på kontanthjælp');
    await byId(page, 'f-challenges-0-text').fill('Andelen på kontanthjælp er høj i forhold til klyngen.');
    await byId(page, 'f-citizen-strategy').fill('Tidlig og tæt kontakt med borgerne.');
    await byId(page, 'f-citizen-targets').click();
    await byId(page, 'f-citizen-targets-0-title').fill('Flere samtaler');
    await byId(page, 'f-business-strategy').fill('Tæt samarbejde med virksomhederne.');
    await byId(page, 'f-business-targets').click();
    await byId(page, 'f-business-targets-0-title').fill('Flere virksomhedspraktikker');
    await byId(page, 'f-business-council_grants').fill('LBR-midlerne bruges på brancheindsatser.');
    await byId(page, 'f-other_actors-share_pct').fill('12,5');
    await byId(page, 'f-other_actors-strategy').fill('Andre aktører bruges til de langtidsledige.');
    await byId(page, 'f-budget-lines').click();
    await byId(page, 'f-budget-lines-0-label').fill('Virksomhedsrettede tilbud');
    await byId(page, 'f-budget-lines-0-state').fill('1000000');
    await byId(page, 'f-budget-lines-0-municipal').fill('250000');
    await page.getByText('1.250.000').first().waitFor(); // the computed total

    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Gemt som version \d+/).waitFor();
    // The bound target shows a live status; the others are not measurable.
    const statuses = page.locator('.target-status .badge');
    await expect.poll(() => statuses.first().textContent()).toMatch(/^(Nået|På vej|I risiko|Ikke på vej|Ingen data)$/);
    expect(await statuses.first().textContent()).not.toBe('Ikke målbart');
    expect(await page.getByText(/Prognosen for januar–december 2026 er /).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Graf: .*prognosen for 2026M01-2026M12/ }).count()).toBe(1);
    expect(await page.getByText('Før dokumentet kan sendes i høring').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/dokument-plan.png`, fullPage: true });

    await page.getByRole('button', { name: 'Send i høring' }).click();
    await page.getByText(/Send i høring: dokumentet er nu version/).waitFor();
    expect(await page.locator('.badge').first().textContent()).toBe('I høring');
    expect(await page.getByRole('button', { name: 'Gem', exact: true }).count()).toBe(0); // read-only now
    expect(await page.getByText('Færre på kontanthjælp').count()).toBeGreaterThan(0);

    // Versions and a comparison of the first and the newest.
    await page.getByLabel('Fra version').selectOption('1');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    await page.getByRole('heading', { name: /Ændringer fra version 1 til version \d+/ }).waitFor();
    expect(await page.locator('.diff-add').filter({ hasText: 'Tidlig og tæt kontakt med borgerne.' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/dokument-i-hoering.png`, fullPage: true });

    // The PDF: the targets' titles are in it.
    const res = await ctx.request.get(`${site.base}/api/documents/${planId}/pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const text = await pdfText(await res.body());
    for (const title of ['Færre på kontanthjælp', 'Mål M2', 'Mål M6', 'Flere samtaler', 'Flere virksomhedspraktikker']) expect(text).toContain(title);
  });

  it('two editors save the same plan: the second is refused and keeps the text', async () => {
    const a = await editor();
    const id = await create(a.page, 'employment_plan', 2027);
    const b = await editor();
    await b.page.goto(`${site.base}/dokumenter/${id}`);
    await byId(b.page, 'f-goals-0-strategy').waitFor();
    await byId(a.page, 'f-goals-0-strategy').fill('Den første redaktørs strategi.');
    await byId(b.page, 'f-goals-0-strategy').fill('Den anden redaktørs strategi.');
    await a.page.getByRole('button', { name: 'Gem', exact: true }).click();
    await a.page.getByText(/Gemt som version 2/).waitFor();
    await b.page.getByRole('button', { name: 'Gem', exact: true }).click();
    const alert = b.page.getByRole('alert').filter({ hasText: 'Dokumentet er ændret af' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Dine ændringer er ikke gemt, men heller ikke tabt');
    expect(await byId(b.page, 'f-goals-0-strategy').inputValue()).toBe('Den anden redaktørs strategi.');
    expect(await axeViolations(b.page)).toEqual([]);
    await b.page.screenshot({ path: `${screenshots}/dokument-konflikt.png`, fullPage: true });
    await alert.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await expect.poll(() => byId(b.page, 'f-goals-0-strategy').inputValue()).toBe('Den første redaktørs strategi.');
  });

  it('the 2025 results audit shows the benchmarking’s numbers exactly, in the page, the HTML and the PDF', async () => {
    const { ctx, page } = await editor();
    const id = await create(page, 'results_audit', 2025);
    const bank = await (await ctx.request.get(`${site.base}/v3/data/styr_benchmark?period.R=2025M01-2025M12&hierarchy._jobcenter=J101&dimension.maal=share_public_support&mgroup.*=actual,expected&format=json`)).json() as { columns: string[]; rows: (string | number | null)[][] };
    expect(bank.rows).toHaveLength(1);
    const actual = bank.rows[0]![bank.columns.indexOf('Faktisk niveau')] as number;
    const expected = bank.rows[0]![bank.columns.indexOf('Forventet niveau')] as number;
    expect(typeof actual).toBe('number');
    expect(typeof expected).toBe('number');

    const row = page.locator('#audit-overview tbody tr').filter({ hasText: 'Offentligt forsørgede i alt: fuldtidspersoner i pct.' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents(); // enhed, 2024, 2025, klyngen, forventet, ratio, placering
    expect(cells[0]).toBe('pct.');
    expect(cells[2]).toBe(da2(actual));
    expect(cells[4]).toBe(da2(expected));
    await page.getByRole('button', { name: 'Dan tallene igen' }).waitFor();
    await byId(page, 'f-analysis-summary').fill('Resultaterne er gået den rigtige vej.');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Gemt som version \d+/).waitFor();
    await page.getByRole('button', { name: 'Dan tallene igen' }).click();
    await page.getByText('Tallene er dannet igen. Jeres tekst er bevaret.').waitFor();
    expect(await byId(page, 'f-analysis-summary').inputValue()).toBe('Resultaterne er gået den rigtige vej.');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/dokument-revision.png`, fullPage: true });

    const html = await (await ctx.request.get(`${site.base}/api/documents/${id}/html`)).text();
    const htmlRow = html.split('<tr>').find((r) => r.includes('Offentligt forsørgede i alt: fuldtidspersoner i pct.'))!;
    const nums = [...htmlRow.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(nums[1]).toBe(da2(actual));
    expect(nums[3]).toBe(da2(expected));

    const text = await pdfText(await (await ctx.request.get(`${site.base}/api/documents/${id}/pdf`)).body());
    const line = text.split('\n').find((l) => l.includes('Offentligt forsørgede i alt: fuldtidspersoner i pct.'));
    expect(line, 'the overview row in the PDF').toBeDefined();
    expect(text).toContain(da2(actual));
    expect(text).toContain(da2(expected));
  });

  it('in hearing the LBR is pointed to the hearing; the editor registers the approval and publishes it for the public', async () => {
    const rctx = await site.browser.newContext();
    contexts.push(rctx);
    const council = await rctx.newPage();
    await logIn(council, site.base, 'council_member');
    await council.waitForURL((u) => !u.pathname.startsWith('/login'));
    await council.goto(`${site.base}/dokumenter/${planId}`);
    // The hearing is the formal path (test/browser/councils.test.ts runs it to the end): no direct comments.
    const comments = council.getByRole('region', { name: 'Bemærkninger', exact: true });
    await comments.getByText(/Dokumentet er i høring\. Høringsparterne giver deres bemærkninger som høringssvar/).waitFor();
    expect(await comments.getByRole('link', { name: 'høringssiden' }).getAttribute('href')).toBe(`/dokumenter/${planId}/hoering`);
    expect(await council.getByRole('button', { name: 'Gem bemærkninger' }).count()).toBe(0);
    expect(await council.getByRole('button', { name: 'Send i høring' }).count()).toBe(0);
    expect(await axeViolations(council)).toEqual([]);

    // Approval waits for the responses or the hearing's deadline; here the deadline has passed.
    await site.db.db.updateTable('hearing').set({ deadline: '2026-02-01' }).where('document_id', '=', planId).execute();
    const { page } = await editor();
    await page.goto(`${site.base}/dokumenter/${planId}`);
    await page.getByLabel('Mødedato').fill('2026-03-01');
    await page.getByLabel('Beslutning').fill('Planen blev godkendt.');
    await page.getByRole('button', { name: 'Registrér godkendelse' }).click();
    await page.getByText('Godkendt af kommunalbestyrelsen 01.03.2026: Planen blev godkendt.').waitFor();
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByText(/Offentliggør: dokumentet er nu version/).waitFor();
    expect(await page.locator('.badge').first().textContent()).toBe('Offentliggjort');

    const pub = await site.browser.newPage();
    await pub.goto(`${site.base}/dokumenter`);
    await pub.getByRole('link', { name: /Beskæftigelsesplan 2026 – Jobcenter København/ }).click();
    await pub.getByRole('heading', { level: 1, name: /Beskæftigelsesplan 2026/ }).waitFor();
    await pub.getByText('Færre på kontanthjælp').first().waitFor();
    expect(await pub.getByRole('button', { name: 'Gem', exact: true }).count()).toBe(0);
    expect(await pub.getByRole('link', { name: /Beskæftigelsesplan 2027/ }).count()).toBe(0);
    expect(await axeViolations(pub)).toEqual([]);
    await pub.screenshot({ path: `${screenshots}/dokument-offentlig.png`, fullPage: true });
    await pub.close();
  });

  it('a regional monitor writes the region’s implementation plan with a target and publishes it', async () => {
    const ctx = await site.browser.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    await logIn(page, site.base, 'regional_monitor');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${site.base}/dokumenter`);
    await page.getByText('Ny implementeringsplan').click();
    await page.locator('#new-year').fill('2026');
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.getByRole('heading', { level: 1, name: /Regionale mål og implementeringsplan 2026/ }).waitFor();
    await byId(page, 'f-goals').click();
    await byId(page, 'f-goals-0-title').fill('Færre langtidsforsørgede');
    await byId(page, 'f-goals-0-implementation').fill('Regionen følger jobcentrene tæt.');
    await byId(page, 'f-goals-0-targets').click();
    await byId(page, 'f-goals-0-targets-0-title').fill('Regionalt mål R1');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Gemt som version 2/).waitFor();
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByText(/Offentliggør: dokumentet er nu version/).waitFor();
    expect(await page.locator('.badge').first().textContent()).toBe('Offentliggjort');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the list, the targets by region and the ministerial goals are accessible', async () => {
    const { page } = await editor();
    await page.goto(`${site.base}/dokumenter`);
    await page.getByRole('link', { name: /Beskæftigelsesplan 2026 – Jobcenter København/ }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Beskæftigelsesplan 2026' }).getByText('Offentliggjort').count()).toBe(1);
    await page.getByLabel('Type').selectOption('results_audit');
    await expect.poll(() => page.getByRole('link', { name: /Beskæftigelsesplan/ }).count()).toBe(0);
    await page.getByRole('link', { name: /Resultatrevision 2025/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/dokumenter.png`, fullPage: true });

    await page.goto(`${site.base}/maal?omraade=B1`);
    await page.getByRole('heading', { level: 3, name: /Beskæftigelsesplan 2026 – Jobcenter København/ }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Færre på kontanthjælp' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Regionalt mål R1' }).count()).toBe(1);
    expect(await page.getByLabel('Antal mål efter status i alt').getByText('Ikke målbart').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/maal.png`, fullPage: true });

    await page.goto(`${site.base}/omraade/J101`);
    await page.getByRole('heading', { name: 'Styringsdokumenter' }).waitFor();
    await page.getByRole('link', { name: 'Beskæftigelsesplan 2027' }).waitFor();
    await page.getByRole('heading', { name: 'Målene i beskæftigelsesplanen 2026' }).waitFor();

    const pub = await site.browser.newPage();
    await pub.goto(`${site.base}/ministermaal`);
    await pub.getByRole('heading', { level: 2, name: 'Ministermål 2019' }).waitFor();
    expect(await pub.getByRole('heading', { name: /Flere personer med handicap skal i beskæftigelse/ }).count()).toBe(1);
    expect(await axeViolations(pub)).toEqual([]);
    await pub.screenshot({ path: `${screenshots}/ministermaal.png`, fullPage: true });
    await pub.close();
  });
});
