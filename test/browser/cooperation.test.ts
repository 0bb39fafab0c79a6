/**
 * A cooperation agreement in Chromium (issue 18): the jobcenter's editor makes it in the
 * registry, with an a-kasse, a labour-market organisation and a union section as parties;
 * signing is refused until the handbook's minimum is there; signed, the public sees it; the
 * review date is in the jobcenter's .ics feed and, a week before it, the editor is mailed a
 * reminder over SMTP. axe-core on every page; screenshots in test-output/screenshots.
 */
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chromiumPath, screenshots, startSite, userPages, type Site } from './browser.js';

const E = { editor: 'redaktoer@demo.styringshjulet.dk' };
const TITLE = 'Partnerskabsaftale mellem Jobcenter København og LO-a-kasserne';

describe.skipIf(!chromiumPath)('cooperation agreements in Chromium', () => {
  const clock = { t: new Date('2026-11-02T09:00:00Z'), now() { return this.t; } };
  const received: ParsedMail[] = [];
  let sink: SMTPServer;
  let site: Site;
  let id = 0;

  beforeAll(async () => {
    sink = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData: (s, _x, done) => void simpleParser(s).then((m) => { received.push(m); done(); }, done) });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
    site = await startSite({ clock, env: { SMTP_URL: `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}` } });
    await site.db.db.updateTable('app_user').set({ notify: 'immediate' }).execute();
  });
  const { as, publicPage, close: closePages } = userPages(() => site, E);
  afterAll(async () => {
    await closePages();
    await site?.close();
    await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  });
  async function noAxe(page: Page, shot: string) {
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/${shot}.png`, fullPage: true });
  }

  it('is made as a draft in the registry and signed once the minimum is there', async () => {
    const page = await as('editor');
    await page.goto(`${site.base}/samarbejdsaftaler?jobcenter=J101`);
    await page.getByText('Jobcenter København har ingen underskrevne samarbejdsaftaler i Styringshjulet.').waitFor();
    await noAxe(page, 'cooperation-empty-registry');
    await page.getByRole('button', { name: 'Opret samarbejdsaftale' }).click();
    await page.waitForURL(/\/samarbejdsaftaler\/\d+$/);
    id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByLabel('Titel').fill(TITLE);
    for (const [n, party] of [[0, 'A-kasse: 3F A-kasse'], [1, 'Landsorganisationen i Danmark'], [2, 'En anden part (skriv navnet)']] as const) {
      await page.getByRole('button', { name: 'Tilføj part' }).click();
      await page.getByLabel(`Part ${n + 1}`, { exact: true }).selectOption({ label: party });
    }
    await page.getByLabel('Navn på part 3').fill('HK Hovedstaden, afdeling København');
    await page.getByLabel('Områder, aftalen dækker').fill('Den tidlige indsats for forsikrede ledige.');
    await page.getByLabel('Målgrupper').fill('Nyledige forsikrede.');
    await page.getByLabel('Udveksling af oplysninger (inden for databeskyttelsesreglerne)').fill('CV og jobsøgningsplan deles via Jobnet.');
    await page.getByLabel('Træder i kraft (ÅÅÅÅ-MM-DD)').fill('2026-12-01');
    await page.getByLabel('Gælder til og med (ÅÅÅÅ-MM-DD)').fill('2028-11-30');
    await page.getByLabel('Revision (ÅÅÅÅ-MM-DD)').fill('2027-06-01');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Gemt som version 2.').waitFor();
    // Not signable yet: no consent, no one named who may terminate.
    await page.getByRole('button', { name: 'Registrér underskrevet' }).click();
    await page.getByText('Bekræft, at oplysninger om en borger kun udveksles med borgerens samtykke.').waitFor();
    await page.getByText('Skriv, hvem der har ret til at opsige aftalen.').waitFor();
    await noAxe(page, 'cooperation-not-signable');
    await page.getByLabel('Oplysninger om en borger udveksles kun med borgerens samtykke').check();
    await page.getByLabel('Hvem har ret til at opsige aftalen').fill('Hver part kan opsige aftalen med tre måneders varsel.');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Gemt som version 3.').waitFor();
    await page.getByRole('button', { name: 'Registrér underskrevet' }).click();
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Underskrevet');
    // The signed agreement attached as a document.
    await page.getByLabel('Vedhæft et dokument').setInputFiles({ name: 'partnerskabsaftale-underskrevet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 underskrevet') });
    await page.getByText('partnerskabsaftale-underskrevet.pdf er vedhæftet.').waitFor();
    expect(await page.locator('main').textContent()).toContain('HK Hovedstaden, afdeling København');
    await noAxe(page, 'cooperation-signed');
  });

  it('is public once signed, its review date in the .ics feed, and the editor is reminded a week before', async () => {
    const pub = await publicPage();
    await pub.goto(`${site.base}/samarbejdsaftaler?jobcenter=J101`);
    await pub.getByRole('link', { name: TITLE }).waitFor();
    expect(await pub.locator('tbody tr').first().textContent()).toContain('3F A-kasse, Landsorganisationen i Danmark, HK Hovedstaden, afdeling København');
    await noAxe(pub, 'cooperation-public-registry');
    await pub.getByRole('link', { name: TITLE }).click();
    await pub.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await pub.getByRole('button', { name: /Registrér/ }).count()).toBe(0);
    const file = await pub.request.get(`${site.base}${await pub.getByRole('link', { name: 'partnerskabsaftale-underskrevet.pdf' }).getAttribute('href')}`);
    expect((await file.body()).toString()).toBe('%PDF-1.4 underskrevet');

    const ics = (await (await pub.request.get(`${site.base}/api/calendar/feeds/organisations/J101.ics`)).text()).replace(/\r?\n[ \t]/g, '');
    expect(ics).toContain(`SUMMARY:Revision af samarbejdsaftale: ${TITLE}`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270601');

    clock.t = new Date('2027-05-25T07:00:00Z');
    await site.app.notifications.tick();
    await expect.poll(() => received.filter((m) => m.subject === 'Styringshjulet: Samarbejdsaftale skal revideres om 7 dage').length, { timeout: 10_000 }).toBe(1);
    const mail = received.find((m) => m.subject === 'Styringshjulet: Samarbejdsaftale skal revideres om 7 dage')!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(E.editor);
    expect(mail.text).toContain(TITLE);
    expect(mail.text).toContain(`/samarbejdsaftaler/${id}`);
    await site.app.notifications.tick();
    expect(received.filter((m) => m.subject === 'Styringshjulet: Samarbejdsaftale skal revideres om 7 dage')).toHaveLength(1);
  });
});
