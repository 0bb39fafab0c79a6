/**
 * The API page (/api-dokumentation), reached from the footer: both OpenAPI documents read and
 * listed by module, an operation's Danish summary, its parameters and its answer's fields in
 * tables with captions, and nothing serious or critical for axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chromiumPath, screenshots, startSite, type Site } from './browser.js';

describe.skipIf(!chromiumPath)('the API page in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  it('lists /v3 and /api by module with summaries, parameters and fields, from the footer, accessibly', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/statistik`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'API-dokumentationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-dokumentation' }).waitFor();
    await page.getByRole('heading', { name: 'GET /v3/tables' }).waitFor();
    await page.getByRole('heading', { name: 'GET /api/session' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/api-dokumentation');
    for (const h of ['Statistikbanken: /v3', 'Appens API: /api']) await expect(page.getByRole('heading', { level: 2, name: h }).count()).resolves.toBe(1);
    for (const h of ['Statistikbanken', 'Adgang', 'Styringsdokumenter', 'Møder']) await expect(page.getByRole('heading', { level: 3, name: h }).count()).resolves.toBe(1);
    await expect(page.getByText('Tabellerne pr. emne og tabelgruppe').count()).resolves.toBe(1);
    // /v3/data's parameters, in Danish.
    const params = page.getByRole('table', { name: 'Parametre til GET /v3/data/{id}' });
    for (const p of ['period.<type>', 'hierarchy.<id>', 'dimension.<id>', 'mgroup.<id>', 'format']) await expect(params.getByRole('cell', { name: p, exact: true }).count()).resolves.toBe(1);
    // The answer's fields, behind a disclosure.
    const article = page.locator('article', { has: page.getByRole('heading', { name: 'GET /v3/tables' }) });
    await article.getByText(/^Svarets felter/).click();
    const fields = page.getByRole('table', { name: 'Felterne i svaret 200 på GET /v3/tables' });
    for (const f of ['[].subject_id', '[].table_groups[].tables[].table_name']) await expect(fields.getByRole('cell', { name: f, exact: true }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/api-dokumentation.png` });
    await ctx.close();
  });
});
