/**
 * The web app in a real browser: public browsing, login for each demo role, users and
 * invitations, denied access, keyboard use; axe-core on every main page (zero serious or
 * critical violations) and screenshots.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, roleNames, roles } from '../../src/access/index.js';
import { axeViolations, chromiumPath, logIn, screenshots, startSite, type Site } from './browser.js';

describe.skipIf(!chromiumPath)('web app in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  it('public: the start page lists the tables and the release, in Danish, accessibly', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.base + '/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Styringshjulet');
    await page.getByText('Nyeste udgivelse').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).not.toHaveLength(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.getByRole('link', { name: 'Log ind' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Brugere' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/forside.png`, fullPage: true });
    await page.close();
  });

  it('keyboard: the first Tab reaches the skip link, which moves to the content', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.base + '/');
    await page.getByText('Nyeste udgivelse').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til sidens indhold');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.close();
  });

  it('narrow screens (375 px) get the menu in DKFDS\'s drawer and stay accessible', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(site.base + '/');
    await page.getByText('Nyeste udgivelse').waitFor();
    expect(await page.getByRole('link', { name: 'Statistikbanken' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.getByRole('dialog', { name: 'Menu' }).getByRole('link', { name: 'Statistikbanken' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog', { name: 'Menu' }).getByRole('link', { name: 'Log ind' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Luk menu' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/forside-mobil.png`, fullPage: true });
    await page.close();
  });

  for (const role of roles) {
    it(`logs in as the demo ${role} and shows who is logged in`, async () => {
      const ctx = await site.browser.newContext();
      const page = await ctx.newPage();
      await logIn(page, site.base, role);
      const u = demoUsers.find((d) => d.role === role)!;
      await page.getByText(u.name).waitFor();
      expect(await page.locator('.portal-user').textContent()).toContain(roleNames[role]);
      const seesUsers = role === 'national_admin' || role === 'regional_monitor';
      expect(await page.getByRole('button', { name: 'Administration' }).count()).toBe(seesUsers ? 1 : 0);
      await page.getByRole("button", { name: "Log af" }).click();
      await page.getByRole('link', { name: 'Log ind' }).waitFor();
      await ctx.close();
    });
  }

  it('a wrong password gets a Danish error that says what to do', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.base + '/login');
    await page.getByLabel('E-mail').fill(demoUsers[0]!.email);
    await page.getByLabel('Adgangskode').fill('forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('alert').getByText('Forkert e-mail eller adgangskode').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/log-ind-fejl.png` });
    await page.close();
  });

  it('denied: the public is sent to log in and back to the page; a politician is refused', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(site.base + '/brugere');
    await page.waitForURL(/\/login\?next=%2Fbrugere$/);
    await logIn(page, site.base, 'national_admin', '');
    await page.waitForURL(/\/brugere$/);
    await page.getByRole('table').waitFor();
    await ctx.close();

    const ctx2 = await site.browser.newContext();
    const p2 = await ctx2.newPage();
    await logIn(p2, site.base, 'jobcenter_reader');
    await p2.getByText(demoUsers.find((d) => d.role === 'jobcenter_reader')!.name).waitFor();
    await p2.goto(site.base + '/brugere');
    await p2.getByRole('alert').getByText('Din rolle giver ikke adgang til dette').waitFor();
    await p2.screenshot({ path: `${screenshots}/adgang-naegtet.png` });
    await ctx2.close();
  });

  it('an expired session: the next action sends the user to log in, and back to the same page', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await logIn(page, site.base, 'national_admin', '/login?next=%2Fbrugere');
    await page.waitForURL(/\/brugere$/);
    await page.getByRole('table').waitFor();
    const admin = demoUsers.find((d) => d.role === 'national_admin')!;
    await site.db.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('user_id', 'in', site.db.db.selectFrom('app_user').select('id').where('email', '=', admin.email))
      .execute();
    await page.getByRole('button', { name: /Deaktivér/ }).first().click();
    await page.waitForURL(/\/login\?next=%2Fbrugere$/);
    await page.getByRole('link', { name: 'Log ind' }).waitFor(); // the header forgot the user too
    await logIn(page, site.base, 'national_admin', '');
    await page.waitForURL(/\/brugere$/);
    await page.getByRole('table').waitFor();
    await ctx.close();
  });

  it('the administrator invites a user, who sets a password from the link and is logged in', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await logIn(page, site.base, 'national_admin');
    await page.getByRole('button', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Brugere' }).click();
    await page.getByRole('table').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByText('Invitér en bruger').click();
    await page.getByLabel('E-mail').fill('ny.analytiker@odense.dk');
    await page.getByLabel('Navn').fill('Ny Analytiker');
    await page.getByLabel('Organisation').selectOption('J461');
    await page.getByLabel('Rolle', { exact: true }).selectOption('jobcenter_editor');
    await page.getByRole('button', { name: 'Invitér', exact: true }).click();
    const link = (await page.locator('code').textContent())!;
    expect(link).toMatch(/\/invitation\/[\w-]{43}$/);
    await page.getByRole('cell', { name: 'ny.analytiker@odense.dk' }).waitFor();
    await page.screenshot({ path: `${screenshots}/brugere.png`, fullPage: true });
    // The invitation is in the audit log, in words.
    await page.getByRole('button', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Ændringslog' }).click();
    await page.getByRole('cell', { name: 'Inviterede en bruger' }).first().waitFor();
    // The invitation's row (under load another entry can be newer).
    expect(await page.locator('tbody tr', { hasText: 'Inviterede en bruger' }).first().locator('td').allInnerTexts()).toEqual([
      expect.stringMatching(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}$/), 'admin@demo.styringshjulet.dk', 'Inviterede en bruger',
      expect.stringMatching(/^ny\.analytiker@odense\.dk som jobcenterredaktør i Jobcenter Odense\.\nTekniske detaljer/), 'Jobcenter Odense',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    const other = await (await site.browser.newContext()).newPage();
    await other.goto(link.replace(/^https?:\/\/[^/]+/, site.base));
    await other.getByLabel('Adgangskode', { exact: true }).fill('en meget god kode');
    await other.getByLabel('Gentag adgangskoden').fill('en meget god kode');
    expect(await axeViolations(other)).toEqual([]);
    await other.getByRole('button', { name: 'Gem og log ind' }).click();
    await other.getByText('Ny Analytiker').waitFor();
    expect(await other.locator('.portal-user').textContent()).toContain('Jobcenter Odense');
    await ctx.close();
  });
  it('explorer round trip: choose a table and areas, see table and chart, download CSV that parses back to the shown numbers', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.base + '/statistik');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Ledighed: Faktiske antal ledige og fuldtidsledige' }).click();
    await page.waitForURL(/\/statistik\/y25i01\?period\.M=latest%3A12/);
    await page.getByRole('table').waitFor();
    // Choose: the country and Region Hovedstaden, every benefit group.
    await page.getByLabel('Områder').selectOption(['hierarchy._nykom|DK', 'hierarchy._nykom|R1084']);
    await page.getByLabel('Ydelsesgrupper').selectOption('*');
    await page.waitForURL(/hierarchy\._nykom=DK%2CR1084/);
    await page.getByRole('cell', { name: 'Region Hovedstaden' }).first().waitFor();
    expect(await page.getByRole('img', { name: /^Graf:/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/statistikbank.png`, fullPage: true });

    // See: the shown numbers.
    const shown = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const apiCall = await page.locator('code.api-call').textContent();
    expect(apiCall).toBe("/v3/data/y25i01?period.M=latest%3A12&hierarchy._nykom=DK%2CR1084&dimension.ydelsesgrupper=*");

    // Download: the CSV parses back to the same numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent CSV (til Excel)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parse(csv.slice(1), { delimiter: ';' }) as string[][];
    const asNumber = (s: string) => (/^-?[\d.]+(,\d+)?$/.test(s) ? Number(s.replace(/\./g, '').replace(',', '.')) : s);
    const fromCsv = records.slice(1).map((r) => r.map((v) => (/^-?\d+(,\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v)));
    expect(fromCsv.length).toBe(shown.length);
    expect(fromCsv).toEqual(shown.map((r) => r.map(asNumber)));

    // The link reproduces the view.
    const url = page.url();
    const again = await site.browser.newPage();
    await again.goto(url);
    await again.getByRole('cell', { name: 'Region Hovedstaden' }).first().waitFor();
    expect(await again.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))).toEqual(shown);
    await again.close();
    await page.close();
  });
  it('jobcenter page: key figures with comparisons and history, categories chart with a table view, the region side by side', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.base + '/omraade/J561');
    await page.getByRole('heading', { level: 1, name: 'Jobcenter Esbjerg-Fanø' }).waitFor();
    const cards = page.locator('.profile-card');
    await cards.first().waitFor();
    expect(await cards.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['Offentligt forsørgede', 'Bruttoledige', 'Sygedagpenge', 'Kontanthjælp m.v.', 'Aktivering af bruttoledige']));
    const first = (await cards.first().textContent())!;
    expect(first).toContain('Region Syddanmark');
    expect(first).toContain('Hele landet');
    expect(await page.getByRole('img', { name: /^Udvikling i fuldtidspersoner fra/ }).count()).toBeGreaterThan(0);
    await page.getByText('Vis tallene som tabel').click();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(6);
    expect(await page.locator('.small-multiples li').count()).toBeGreaterThan(10);
    expect(await page.locator('.small-multiples li.current').textContent()).toContain('Esbjerg-Fanø');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/jobcenterprofil.png`, fullPage: true });
    // Printed (or saved as PDF): the figures without the menu and the controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Udskriv eller gem som PDF' }).isVisible()).toBe(false);
    expect(await cards.first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    // From a card to the statistics bank, with the same area.
    await cards.first().getByRole('link', { name: 'Se tallene i statistikbanken' }).click();
    await page.waitForURL(/\/statistik\/ptv_a02\?period\.M=latest%3A24&hierarchy\._jobcenter=J561$/);
    await page.getByRole('cell', { name: 'Jobcenter Esbjerg-Fanø' }).first().waitFor();
    await page.close();
  });
});
