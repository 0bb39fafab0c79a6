/**
 * The LBR's grants in Chromium, walked to the end of the cycle (issue 18):
 * - the national administrator sets København's frame for 2027 on the council's page;
 * - the secretariat makes the grant plan there, two initiatives over the frame (the page
 *   says so and the hearing is refused), cuts one, and sends it to the jobcenter;
 * - the jobcenter answers that the plan is outside the employment plan's frame: the plan
 *   cannot be adopted (disputed); taken back, revised and heard again, the jobcenter agrees;
 *   the council adopts it and it is published;
 * - an initiative's accounts and evaluation (its result measured by the bank), downloaded as
 *   XLSX and PDF; the evaluation date on the yearly calendar;
 * - the grant plan live in the employment plan, and the public's view of the council's page.
 * axe-core on every page; screenshots in test-output/screenshots.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, ensureHistoricalGoals, newDocumentContent, type PlanContent } from '../../src/documents/index.js';
import { publishTestRelease } from '../statbank/helpers.js';
import { completePlan } from '../support/plans.js';
import { axeViolations, chromiumPath, pdfText, screenshots, startSite, userPages, type Site } from './browser.js';

const E = { admin: 'admin@demo.styringshjulet.dk', editor: 'redaktoer@demo.styringshjulet.dk' };

describe.skipIf(!chromiumPath)('LBR grants in Chromium', () => {
  const clock = { t: new Date('2026-11-02T09:00:00Z'), now() { return this.t; } };
  let site: Site;
  let planId = 0;
  let grantId = 0;

  beforeAll(async () => {
    site = await startSite({
      clock,
      publish: async (db) => {
        await publishTestRelease(db.db, 0);
        await ensureHistoricalGoals(db.db);
        const empty = (await newDocumentContent(db.db, 'employment_plan', 2027)) as PlanContent;
        planId = (await createDocument(db.db, { id: null, label: 'test' }, { kind: 'employment_plan', area: 'J101', year: 2027, content: completePlan(empty) })).id;
      },
    });
  });
  afterAll(async () => {
    await closePages();
    await site?.close();
  });
  const { as, publicPage, close: closePages } = userPages(() => site, E);
  async function noAxe(page: Page, shot: string) {
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/${shot}.png`, fullPage: true });
  }
  const grantPage = async (page: Page) => {
    await page.goto(`${site.base}/dokumenter/${grantId}`);
    await page.getByRole('heading', { level: 1, name: 'Handleplan for LBR-midler 2027 – Jobcenter København' }).waitFor();
  };
  /** The jobcenter answers in the hearing: its verdict and its text, then gives the answer. */
  async function answer(page: Page, verdict: 'Ja, inden for rammerne' | 'Nej, uden for rammerne', text: string) {
    await page.goto(`${site.base}/dokumenter/${grantId}/hoering`);
    await page.getByLabel('Høringssvar fra Jobcenter København').fill(text);
    await page.getByLabel(verdict).check();
    await noAxe(page, `grants-hearing-${verdict.startsWith('Ja') ? 'agreed' : 'disputed'}`);
    await page.getByRole('button', { name: 'Afgiv jobcentrets høringssvar' }).click();
    // The given answer shows the verdict in words.
    await page.locator('strong').filter({ hasText: verdict.startsWith('Ja') ? 'Planen ligger inden for beskæftigelsesplanens rammer.' : 'Planen ligger uden for beskæftigelsesplanens rammer.' }).waitFor();
  }

  it('lets the national administrator set the frame on the council’s page', async () => {
    const page = await as('admin');
    await page.goto(`${site.base}/raad/LBR-J101`);
    await page.getByRole('heading', { name: 'LBR-midler' }).waitFor();
    await expect.poll(() => page.getByText('Der er endnu ikke sat en ramme for rådets LBR-midler.').count()).toBe(1);
    await page.locator('#grant-year').fill('2027');
    await page.locator('#grant-amount').fill('1400000');
    await page.locator('#grant-note').fill('Fordelt efter arbejdsstyrken.');
    await page.getByRole('button', { name: 'Sæt rammen' }).click();
    await page.getByText('Rammen for 2027 er sat til 1.400.000 kr.').waitFor();
    await expect.poll(() => page.locator('section[aria-labelledby="s-grants"] tbody tr').first().textContent()).toContain('1.400.000 kr.');
    await noAxe(page, 'grants-frame');
  });

  it('makes the plan over the frame, which cannot go to hearing until it is cut', async () => {
    const page = await as('editor');
    await page.goto(`${site.base}/raad/LBR-J101`);
    await page.getByRole('button', { name: 'Opret handleplan for 2027' }).click();
    await page.waitForURL(/\/dokumenter\/\d+$/);
    grantId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('#f-summary').fill('Rådet vil bringe ledige tættere på de små virksomheder.');
    for (const [n, title, budget] of [[0, 'Virksomhedsnetværk for små virksomheder', '900000'], [1, 'Mentorer til ledige over 50 år', '600000']] as const) {
      await page.getByRole('button', { name: 'Tilføj initiativ' }).click();
      await page.locator(`#f-initiatives-${n}-title`).fill(title);
      await page.locator(`#f-initiatives-${n}-purpose`).fill('Flere ordinære timer.');
      await page.locator(`#f-initiatives-${n}-target_group`).fill('Langtidsledige.');
      await page.locator(`#f-initiatives-${n}-budget`).fill(budget);
    }
    // The first serves the employment plan's business-oriented target.
    await page.getByLabel('Virksomhedsrettet indsats: Bedre kontakt til virksomhederne').first().check();
    await page.getByLabel('Midlerne går ikke til kommunal drift eller rådets sekretariat').check();
    await page.getByText('Budgettet er større end rammen').waitFor();
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Gemt som version/).waitFor();
    await page.getByRole('button', { name: 'Send i høring' }).click();
    await page.getByText('Planens budget er 1.500.000 kr., men rammen for 2027 er 1.400.000 kr. Skær 100.000 kr. fra, før planen går videre.').waitFor();
    await noAxe(page, 'grants-plan-over-frame');
    await page.locator('#f-initiatives-1-budget').fill('500000');
    await expect.poll(() => page.getByText('Budgettet er større end rammen').count()).toBe(0);
    await page.getByRole('button', { name: 'Send i høring' }).click();
    await page.getByText(/Send i høring: dokumentet er nu version/).waitFor();
    expect(await page.locator('.badge').first().textContent()).toBe('I høring');
  });

  it('cannot be adopted while the jobcenter says it is outside the frame; revised and agreed, the council adopts it', async () => {
    const page = await as('editor');
    await answer(page, 'Nej, uden for rammerne', 'Mentorordningen overlapper jobcentrets egen indsats for seniorer.');
    await grantPage(page);
    await page.getByLabel('Mødedato').fill('2026-11-10');
    await page.getByLabel('Beslutning').fill('Rådet vedtog handleplanen.');
    await page.getByRole('button', { name: 'Registrér godkendelse' }).click();
    await page.getByText(/Jobcentret mener, at planen ligger uden for beskæftigelsesplanens rammer/).waitFor();
    await noAxe(page, 'grants-disputed');
    // Taken back, the mentors cut, heard again.
    await page.getByRole('button', { name: 'Tag tilbage til kladde' }).click();
    await page.getByText(/Tag tilbage til kladde: dokumentet er nu version/).waitFor();
    await page.getByRole('button', { name: 'Fjern initiativet Mentorer til ledige over 50 år' }).click();
    await page.getByRole('button', { name: 'Send i høring' }).click();
    await page.getByText(/Send i høring: dokumentet er nu version/).waitFor();
    await answer(page, 'Ja, inden for rammerne', 'Uden mentorordningen understøtter planen den virksomhedsrettede indsats.');
    await grantPage(page);
    await page.getByLabel('Mødedato').fill('2026-11-10');
    await page.getByLabel('Beslutning').fill('Rådet vedtog handleplanen.');
    await page.getByRole('button', { name: 'Registrér godkendelse' }).click();
    await page.getByText('Vedtaget af rådet 10.11.2026: Rådet vedtog handleplanen.').waitFor();
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Offentliggjort');
  });

  it('keeps an initiative’s accounts and evaluation, measured by the bank, as XLSX and PDF and on the yearly calendar', async () => {
    const page = await as('editor');
    await grantPage(page);
    await page.getByRole('heading', { name: 'Forbrug, evaluering og regnskab' }).waitFor();
    await page.getByRole('button', { name: 'Før regnskab for Virksomhedsnetværk for små virksomheder' }).click();
    const form = page.locator('section[aria-labelledby="s-accounts"] form');
    await form.getByLabel('Bevilget (kr.)').fill('900000');
    await form.getByLabel('Forbrug (kr.)').fill('950000');
    await form.getByLabel('Frist for evaluering og regnskab (ÅÅÅÅ-MM-DD)').fill('2027-03-31');
    await form.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Feltet Forbrug: forbruget (950.000 kr.) er større end det bevilgede (900.000 kr.).').waitFor();
    await form.getByLabel('Forbrug (kr.)').fill('880000');
    await form.getByLabel('Evaluering', { exact: true }).fill('42 virksomheder deltog i netværket.');
    await form.getByLabel('Afgiv evalueringen nu').check();
    await form.getByLabel('Regnskab', { exact: true }).fill('Løn 600.000 kr., arrangementer 280.000 kr.');
    await form.getByLabel('Afgiv regnskabet nu').check();
    await form.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('42 virksomheder deltog i netværket.').waitFor();
    const row = page.locator('section[aria-labelledby="s-accounts"] tbody tr').first();
    expect(await row.textContent()).toContain('880.000 kr.');
    expect(await row.textContent()).toContain('Afgivet 02.11.2026');
    await noAxe(page, 'grants-accounts');

    const xlsx = await page.request.get(`${site.base}/api/grants/plans/${grantId}/accounts.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.body() as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Regnskab')!.getRow(2).values).toEqual([undefined, 'Virksomhedsnetværk for små virksomheder', 900_000, 900_000, 880_000, 20_000, '31.03.2027', 'Afgivet 02.11.2026', 'Afgivet 02.11.2026']);
    const pdf = await pdfText(await (await page.request.get(`${site.base}/api/grants/plans/${grantId}/accounts.pdf`)).body());
    expect(pdf).toContain('Regnskab for LBR-midlerne');
    expect(pdf).toContain('Virksomhedsnetværk for små virksomheder');
    expect(pdf).toContain('42 virksomheder deltog i netværket.');

    await page.goto(`${site.base}/aarshjul?omraade=J101&aar=2027`);
    await page.getByRole('heading', { name: 'LBR-midler: evalueringer og regnskaber' }).waitFor();
    expect(await page.locator('section[aria-labelledby="s-grants"] tbody tr').first().textContent()).toContain('Evaluering og regnskab: Virksomhedsnetværk for små virksomheder');
    await noAxe(page, 'grants-calendar');
  });

  it('shows the plan live in the employment plan, and to the public on the council’s page', async () => {
    const page = await as('editor');
    await page.goto(`${site.base}/dokumenter/${planId}`);
    const linked = page.locator('section[aria-labelledby="s-business"]');
    await linked.getByRole('link', { name: 'Handleplan for LBR-midler 2027' }).waitFor();
    expect(await linked.textContent()).toContain('Virksomhedsnetværk for små virksomheder: 900.000 kr.');
    await noAxe(page, 'grants-in-employment-plan');

    const pub = await publicPage();
    await pub.goto(`${site.base}/raad/LBR-J101`);
    await pub.getByRole('link', { name: 'Handleplan for LBR-midler 2027' }).waitFor();
    expect(await pub.locator('section[aria-labelledby="s-grants"]').textContent()).toContain('1.400.000 kr.');
    expect(await pub.getByRole('button', { name: /Opret handleplan/ }).count()).toBe(0);
    await pub.getByRole('link', { name: 'Handleplan for LBR-midler 2027' }).click();
    await pub.getByRole('heading', { name: 'Forbrug, evaluering og regnskab' }).waitFor();
    expect(await pub.getByRole('button', { name: /Før regnskab/ }).count()).toBe(0);
    await noAxe(pub, 'grants-public');
  });
});
