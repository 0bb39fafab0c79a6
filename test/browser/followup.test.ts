/**
 * The region's follow-up in Chromium, as the demo regional monitor, on a release computed from a
 * small generated register and its benchmarking, with a local SMTP sink: the quarter's follow-up
 * reports for region B1 drafted with the button; København's written and published (its
 * committee's and LBR's people mailed), its numbers in the PDF equal to /v3/data; a case opened
 * from a result problem; a dialogue meeting whose minutes reach the LBR; the RBR's
 * recommendation recorded from a held RBR meeting; a written agreement with two measurable
 * targets signed; then a newer release three months longer, and the case's trend and the agreement's
 * targets move with it. axe-core on every page; screenshots in test-output/screenshots.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConditionsParquet, runBenchmark, saveConditions } from '../../src/benchmark/index.js';
import { ensureDemoCouncils } from '../../src/councils/index.js';
import type { Db } from '../../src/db/index.js';
import type { FollowupGenerated } from '../../src/documents/index.js';
import { computeRelease } from '../../src/indicators/index.js';
import { registerReleaseTables } from '../../src/statbank/index.js';
import { cachedRegister } from '../support/register-cache.js';
import { axeViolations, chromiumPath, logInAs, pdfText, screenshots, startSite, type Site } from './browser.js';

const REGION = 'region@demo.styringshjulet.dk';
/** As in test/followup: lenient enough that a register of 20,000 persons has result problems. */
const lenient = { minPersons: 5, level: 0.8, minDeviation: 0.05, explanationLevel: 0.5 };
const addresses = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
const da = (v: number, d: number) => v.toLocaleString('da-DK', { minimumFractionDigits: d, maximumFractionDigits: d });

describe.skipIf(!chromiumPath)('the region’s follow-up in Chromium', () => {
  const clock = { t: new Date('2026-03-02T09:00:00Z'), now() { return this.t; } };
  const received: ParsedMail[] = [];
  let sink: SMTPServer;
  let site: Site;
  let page: Page;
  let dir = '';
  const work = mkdtempSync(join(tmpdir(), 'styr-followup-browser-'));
  let caseUrl = '';
  let agreementId = 0;

  beforeAll(async () => {
    sink = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData: (s, _x, done) => void simpleParser(s).then((m) => { received.push(m); done(); }, done) });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
    dir = await cachedRegister({ persons: 20_000, from: '2023-01', to: '2025-12', seed: 5 });
    site = await startSite({
      clock,
      env: { SMTP_URL: `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}` },
      publish: async (db: Db) => {
        await computeRelease({ registerDir: dir, db: db.db, threshold: 5, notes: 'opfølgning', tables: registerReleaseTables(), workDir: work });
        await saveConditions(db.db, await readConditionsParquet(join(dir, 'conditions.parquet'), [2023, 2024, 2025]), 'test');
        await runBenchmark(db.db, { settings: lenient });
        await ensureDemoCouncils(db.db, 2026);
        await db.db.updateTable('app_user').set({ notify: 'immediate' }).execute();
        // A held RBR meeting whose minutes recommend a written agreement with København.
        const rbr = (await db.db.selectFrom('organisation').select('id').where('code', '=', 'RBR-B1').executeTakeFirstOrThrow()).id;
        await db.db.insertInto('meeting').values({ council_id: rbr, title: 'RBR-møde', starts_at: new Date('2026-02-24T13:00:00Z'), place: 'Regionen', items: JSON.stringify([{ id: 'a', title: 'Opfølgning på Jobcenter København', text: '', closed: false, attachments: [], decision: 'RBR indstiller til regionsdirektøren, at der indgås en skriftlig aftale med Jobcenter København.', hearing: null }]), minutes: '', agenda_published_at: new Date('2026-02-10T09:00:00Z'), minutes_published_at: new Date('2026-02-25T09:00:00Z'), revision: 1, updated_by: 'test' }).execute();
      },
    });
    const ctx = await site.browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await ctx.newPage();
    await logInAs(page, site.base, REGION);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }, 600_000);
  afterAll(async () => {
    await site?.close();
    await new Promise<void>((r) => (sink ? sink.close(() => r()) : r()));
    rmSync(work, { recursive: true, force: true });
  });

  async function mail(to: string, subject: RegExp): Promise<ParsedMail> {
    await site.app.notifications.tick();
    await expect.poll(() => received.filter((m) => addresses(m).includes(to) && subject.test(m.subject ?? '')).length, { timeout: 10_000, message: `mail to ${to}: ${subject}` }).toBeGreaterThan(0);
    return received.find((m) => addresses(m).includes(to) && subject.test(m.subject ?? ''))!;
  }
  async function checked(name: string) {
    await page.screenshot({ path: `${screenshots}/followup-${name}.png`, fullPage: true });
    expect(await axeViolations(page), name).toEqual([]);
  }

  it('drafts the quarter’s reports for the region with the button and lists them', async () => {
    await page.goto(`${site.base}/opfoelgning`);
    await page.getByLabel('Kvartal').selectOption('2025Q3');
    await page.getByRole('button', { name: 'Dan rapporter for 3. kvartal 2025' }).click();
    await expect.poll(() => page.getByRole('status').or(page.locator('.alert-success')).allTextContents(), { timeout: 60_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/44 nye rapporter og 0 kladder dannet igen for 3\. kvartal 2025/)]));
    await expect.poll(() => page.getByText('44 af 44 jobcentre har en rapport; 0 er offentliggjort.').count()).toBe(1);
    await checked('reports');
  });

  it('writes and publishes København’s report: its people are mailed, and the PDF holds the bank’s numbers', async () => {
    await page.locator('tr', { hasText: 'Jobcenter København' }).getByRole('link').click();
    await page.waitForURL(/\/dokumenter\/\d+$/);
    const id = page.url().split('/').at(-1)!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Opfølgningsrapport 3. kvartal 2025 – Jobcenter København');
    await page.getByRole('textbox', { name: 'Regionens samlede vurdering', exact: true }).fill('Jobcentret er på rette vej, men kontanthjælpen skal ned.');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Alt er gemt.').waitFor();
    await checked('report');
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await expect.poll(() => page.locator('.badge').first().innerText()).toBe('Offentliggjort');
    for (const to of ['politiker@demo.styringshjulet.dk', 'redaktoer@demo.styringshjulet.dk', 'raad@demo.styringshjulet.dk']) {
      expect((await mail(to, /Regionens opfølgning er offentliggjort: København, 3\. kvartal 2025/)).text).toContain('kommunens beskæftigelsesudvalg og det lokale beskæftigelsesråd');
    }
    // The numbers in the PDF are the bank's cells.
    const g = (await (await page.request.get(`${site.base}/api/documents/${id}`)).json()).document.content.generated as FollowupGenerated;
    const text = await pdfText(Buffer.from(await (await page.request.get(`${site.base}/api/documents/${id}/pdf`)).body()));
    let seen = 0;
    for (const m of g.measures) {
      const q = new URLSearchParams({ 'mgroup.*': m.measure, 'period.Q': '2025Q3', 'hierarchy._jobcenter': 'J101', format: 'json', ...Object.fromEntries(Object.entries(m.dims).map(([d, v]) => [`dimension.${d}`, v])) });
      const body = (await (await page.request.get(`${site.base}/v3/data/${m.table}?${q}`)).json()) as { rows: unknown[][]; status: string[] };
      const bank = body.status[0] === 'published' ? (body.rows[0]!.at(-1) as number) : null;
      expect(m.current, m.id).toBe(bank);
      if (bank !== null) {
        expect(text, m.id).toContain(da(bank, m.decimals));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(3);
    // The public reads it on the LBR's page.
    const pub = await (await site.browser.newContext()).newPage();
    await pub.goto(`${site.base}/raad/LBR-J101`);
    await pub.getByRole('link', { name: 'Opfølgningsrapport 3. kvartal 2025' }).waitFor();
  });

  it('opens a case from a result problem and holds a dialogue meeting whose minutes reach the LBR', async () => {
    await page.goto(`${site.base}/opfoelgning`);
    // The result problems without a case load after the page.
    await expect.poll(() => page.locator('#case-measure option').count()).toBeGreaterThan(1);
    const option = page.locator('#case-measure option', { hasText: 'Jobcenter København' }).first();
    const value = (await option.count()) ? await option.getAttribute('value') : await page.locator('#case-measure option').first().getAttribute('value');
    expect(value).not.toBe('manual');
    await page.getByLabel('Resultatproblem').selectOption(value!);
    await page.getByRole('button', { name: 'Åbn sag' }).click();
    await page.waitForURL(/\/opfoelgning\/sager\/\d+$/);
    caseUrl = page.url();
    await page.getByText('Sagen blev åbnet 02.03.2026 på udgivelse 1').waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Målet i hver udgivelse siden sagen blev åbnet' }).locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Dato').fill('2026-03-02');
    await page.getByLabel('Referat (sendes til det lokale beskæftigelsesråd)').fill('Dialogmøde med jobcenterchefen og LBR’s formand.');
    await page.getByLabel('Næste opfølgning').fill('2026-04-15');
    await page.getByRole('button', { name: 'Gem i sagen' }).click();
    await page.getByText('Gemt i sagen.').waitFor();
    await page.getByText('02.03.2026: Dialogmøde').waitFor();
    await checked('case');
    const jc = (await page.locator('.font-lead').innerText()).split('.')[0]!;
    if (jc === 'Jobcenter København') expect((await mail('raad@demo.styringshjulet.dk', /Referat af dialogmøde med beskæftigelsesregionen/)).text).toContain('drøftes på et LBR-møde');
  });

  it('records the RBR’s recommendation from its held meeting, and signs a written agreement with two measurable targets', async () => {
    await page.goto(caseUrl);
    await page.getByLabel('Hvad er sket').selectOption('rbr_recommendation');
    await page.getByLabel('RBR indstiller til').selectOption('agreement');
    await page.getByRole('button', { name: 'Gem i sagen' }).click();
    await expect.poll(async () => `${await page.locator('.font-lead').innerText()} ${(await page.locator('.alert').allInnerTexts()).join(' ')}`).toContain('Skriftlig aftale');
    await page.getByText('24.02.2026: RBR’s indstilling').waitFor();
    await page.getByLabel('Hvad er sket').selectOption('agreement_signed');
    await page.getByRole('button', { name: 'Opret den skriftlige aftale' }).click();
    await page.waitForURL(/\/dokumenter\/\d+$/);
    const id = Number(page.url().split('/').at(-1));
    agreementId = id;
    // The agreement's text and two measurable targets (the target editor is the plans', tested there), then signed in the page.
    const doc = (await (await page.request.get(`${site.base}/api/documents/${id}`)).json()).document;
    const jc = doc.area as string;
    const target = (title: string, b: string) => ({ title, indicator: { table: 'ptv_a02', measure: 'pct_population', area: jc, dims: { ydelsesgrupper: b }, freq: 'M' }, baseline: null, goal: { kind: 'level', value: 2 }, direction: 'at_most', deadline: '2026M12' });
    const csrf = (await (await page.request.get(`${site.base}/api/session`)).json()).csrf_token as string;
    const saved = await page.request.put(`${site.base}/api/documents/${id}`, { headers: { 'x-csrf-token': csrf }, data: { revision: doc.revision, content: { ...doc.content, background: 'Resultatproblemet.', effort: 'Tidlig opfølgning.', targets: [target('Færre på sygedagpenge', 'sygedagpenge'), target('Færre på kontanthjælp', 'category_kontanthjaelp')], deadline: '2026-12-31', follow_up: '2026-06-30\n2026-09-30', signed_by: { region: 'Regionsdirektør Rasmus Region', jobcenter: 'Jobcenterchefen' } } } });
    expect(saved.status()).toBe(200);
    await page.reload();
    await page.getByText('Færre på sygedagpenge').first().waitFor();
    await checked('agreement');
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await expect.poll(() => page.locator('.badge').first().innerText()).toBe('Offentliggjort');
    await page.goto(caseUrl);
    await page.getByLabel('Hvad er sket').selectOption('agreement_signed');
    await page.getByRole('button', { name: 'Gem i sagen' }).click();
    await page.getByText('Aftalen løber til 31.12.2026 med 2 mål.').waitFor();
    await expect.poll(() => page.locator('.font-lead').innerText()).toContain('Næste opfølgning: 30.06.2026');
  });

  it('shows the case on the region’s follow-up board and the agreement’s dates in the yearly calendar', async () => {
    const title = ((await (await page.request.get(`${site.base}/api/followup/cases/${caseUrl.split('/').at(-1)}`)).json()) as { title: string }).title;
    await page.goto(`${site.base}/omraade/B1`);
    await page.getByRole('heading', { name: 'Opfølgningstavle: sager om resultatproblemer' }).waitFor();
    const row = page.locator('section[aria-labelledby="s-cases"] tr', { hasText: title });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.innerText()).toContain('Skriftlig aftale');
    expect(await row.innerText()).toContain('30.06.2026');
    await checked('region-board');
    await page.goto(`${site.base}/aarshjul?omraade=B1&aar=2026`);
    const dates = page.locator('#s-followup').locator('..');
    await expect.poll(() => dates.locator('tbody tr').count()).toBe(4);
    const last = await dates.locator('tbody tr').last().innerText();
    expect(last).toContain('31.12.2026');
    expect(last).toContain('Frist: skriftlig aftale med');
    await checked('calendar-followup');
  });

  it('takes in a newer release, three months longer: the case’s trend and the agreement’s targets move with it', async () => {
    const targets = async () => ((await (await page.request.get(`${site.base}/api/documents/${agreementId}`)).json()).targets as { evaluation: { latest: { period: string; value: number } | null; reason: string } }[]).map((t) => t.evaluation);
    const before = await targets();
    // The newest published month of each (a suppressed month is skipped).
    expect(before.every((e) => e.latest !== null && e.latest.period <= '2025M12')).toBe(true);
    const newer = await cachedRegister({ persons: 20_000, from: '2023-01', to: '2026-03', seed: 5 });
    await computeRelease({ registerDir: newer, db: site.db.db, threshold: 5, notes: 'opfølgning 2', tables: registerReleaseTables(), workDir: work });
    await runBenchmark(site.db.db, { settings: lenient });
    await page.goto(caseUrl);
    const trend = page.getByRole('table', { name: 'Målet i hver udgivelse siden sagen blev åbnet' }).locator('tbody tr');
    await expect.poll(() => trend.count()).toBe(2);
    expect(await trend.nth(1).innerText()).toMatch(/^2\s/);
    expect(await trend.nth(1).innerText()).not.toBe(await trend.nth(0).innerText());
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Siden åbningen: (uændret|bedre|dårligere)\./);
    await checked('case-trend');
    // The agreement's targets are judged on the newer months.
    const after = await targets();
    expect(after.every((e, i) => e.latest !== null && e.latest.period >= before[i]!.latest!.period)).toBe(true);
    expect(after.some((e) => e.latest!.period.startsWith('2026M'))).toBe(true);
    expect(after.map((e) => e.reason)).not.toEqual(before.map((e) => e.reason));
    await page.goto(`${site.base}/dokumenter/${agreementId}`);
    await expect.poll(() => page.getByText('marts 2026').count()).toBeGreaterThan(0);
    await checked('agreement-newer');
  }, 300_000);
});
