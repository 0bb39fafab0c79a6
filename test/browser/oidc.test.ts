/**
 * OIDC login against a real OpenID provider on this machine (oidc-provider with its
 * development login screens): known users get a session and land where they were going;
 * people without a user here are told to ask for an invitation.
 */
import { createServer, type Server } from 'node:http';
// @ts-expect-error -- oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../src/access/index.js';
import { axeViolations, chromiumPath, startSite, type Site } from './browser.js';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.skipIf(!chromiumPath)('OIDC login', () => {
  let site: Site;
  let idp: Server;
  beforeAll(async () => {
    const [appPort, idpPort] = [await freePort(), await freePort()];
    const provider = new Provider(`http://127.0.0.1:${idpPort}`, {
      clients: [{ client_id: 'styr', client_secret: 'en-hemmelig-klientnoegle', redirect_uris: [`http://127.0.0.1:${appPort}/api/oidc/callback`] }],
      // The development login screen accepts any login; it becomes the e-mail claim.
      findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, email: id }) }),
      claims: { openid: ['sub'], email: ['email'] },
      cookies: { keys: ['oidc-test-noegle'] },
    });
    idp = provider.listen(idpPort);
    site = await startSite({
      port: appPort,
      env: { OIDC_ISSUER: `http://127.0.0.1:${idpPort}`, OIDC_CLIENT_ID: 'styr', OIDC_CLIENT_SECRET: 'en-hemmelig-klientnoegle', PUBLIC_URL: `http://127.0.0.1:${appPort}` },
    });
  });
  afterAll(async () => {
    await site?.close();
    idp?.close();
  });

  const loginAtProvider = async (page: Page, login: string) => {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('hvad-som-helst');
    await page.locator('button[type="submit"]').click();
    await page.locator('input[name="login"]').waitFor({ state: 'detached' });
    // Consent, the first time for this client; then back to the app.
    if (!page.url().startsWith(site.base)) await page.locator('button[type="submit"]').first().click();
  };

  it('a known user logs in at the provider and comes back to the page they wanted', async () => {
    const page = await (await site.browser.newContext()).newPage();
    await page.goto(`${site.base}/login?next=%2Fbrugere`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Log ind med MitID Erhverv' }).click();
    await loginAtProvider(page, demoUsers[0]!.email);
    await page.waitForURL(`${site.base}/brugere`);
    await page.getByRole('table').waitFor();
    expect(await page.locator('.portal-user').textContent()).toContain(demoUsers[0]!.name);
  });

  it('someone without a user here gets a Danish explanation, no session', async () => {
    const page = await (await site.browser.newContext()).newPage();
    await page.goto(`${site.base}/login`);
    await page.getByRole('link', { name: 'Log ind med MitID Erhverv' }).click();
    await loginAtProvider(page, 'fremmed@example.dk');
    await page.waitForURL(/\/login\?fejl=oidc_ukendt$/);
    await page.getByRole('alert').getByText('har ingen bruger i Styringshjulet').waitFor();
    expect(await page.getByRole('link', { name: 'Log ind', exact: true }).count()).toBe(1);
  });
});
