/**
 * Browser-test support: the real server (PGlite, demo users, a test release) on a free
 * port, Debian's Chromium through playwright-core, axe-core, and screenshots under
 * test-output/screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, demoUsers, ensureDemoUsers, ensureOrganisations, type Role } from '../../src/access/index.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/index.js';
import { buildServer } from '../../src/server/index.js';
import type { Clock } from '../../src/clock.js';
import { ensureCouncils } from '../../src/councils/index.js';
import { publishTestRelease } from '../statbank/helpers.js';
import { createTestDb } from '../support/db.js';

export const chromiumPath = process.env.CHROMIUM_PATH;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const screenshots = 'test-output/screenshots';

export interface Site {
  base: string;
  db: Db;
  app: FastifyInstance;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * The site; `env` adds configuration, `port` fixes the port (e.g. for an OIDC redirect URI),
 * `publish` replaces the test release with other data.
 */
export async function startSite(opts: { env?: Record<string, string>; port?: number; publish?: (db: Db) => Promise<unknown>; clock?: Clock; demoNote?: string } = {}): Promise<Site> {
  const db = await createTestDb('pglite');
  await ensureOrganisations(db.db);
  await ensureCouncils(db.db);
  await ensureDemoUsers(db.db);
  await (opts.publish ?? ((d: Db) => publishTestRelease(d.db, 0)))(db);
  // With a demo note the server runs in demo mode (the note on the start page and in every PDF).
  const demo = opts.demoNote ? { status: 'ready' as const, stages: new Map(), note: opts.demoNote } : undefined;
  const app = await buildServer({ db, config: loadConfig({ LOGIN_RATE_LIMIT: '100000', ...opts.env }), clock: opts.clock, schedule: false, demo });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // The flags keep Chromium off the network this machine does not have.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshots, { recursive: true });
  return {
    base, db, app, browser,
    close: async () => {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/** The text of a PDF, page by page (pdfjs-dist), with runs of spaces made one. */
export async function pdfText(buf: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: true }).promise;
  let out = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join('') + '\n';
  }
  return out.replace(/[ \t]+/g, ' ');
}

/** axe-core's serious and critical violations on the page (WCAG 2.1 A/AA rules), as "rule: targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function logIn(page: Page, base: string, role: Role, path = '/login'): Promise<void> {
  await logInAs(page, base, demoUsers.find((d) => d.role === role)!.email, path);
}

/** Logs in as a demo user by e-mail (e.g. the second council member). */
/**
 * A page per user, each in a context of its own, logged in once and kept for later steps;
 * `close` closes them all (and any public contexts made with `publicPage`).
 */
export function userPages<K extends string>(site: () => Site, emails: Record<K, string>) {
  const pages: Partial<Record<K, Page>> = {};
  const contexts: BrowserContext[] = [];
  return {
    async as(who: K): Promise<Page> {
      if (pages[who]) return pages[who];
      const ctx = await site().browser.newContext();
      contexts.push(ctx);
      const page = await ctx.newPage();
      await logInAs(page, site().base, emails[who]);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      pages[who] = page;
      return page;
    },
    async publicPage(): Promise<Page> {
      const ctx = await site().browser.newContext();
      contexts.push(ctx);
      return ctx.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
    },
  };
}

export async function logInAs(page: Page, base: string, email: string, path = '/login'): Promise<void> {
  if (path) await page.goto(base + path);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
}
