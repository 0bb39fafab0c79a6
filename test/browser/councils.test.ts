/**
 * The councils' year in Chromium, on the demo council LBR-J101 (every seat filled; its rules of
 * procedure have responses adopted at a meeting), with a controllable clock and a local SMTP
 * sink, walked to the end twice:
 * - the results audit 2025 (1 May → 21 May → approval → 1 July): sent to hearing, a member
 *   comments on its figures, the region answers, approval is refused while the LBR has not
 *   answered, the meeting cannot decide before it is held, then adopts the response, and the
 *   audit is approved at once (both responses in, before the deadline), sent to the RBR and
 *   published;
 * - the employment plan 2027 (1 July → 31 August → approval → RBR): two members comment on
 *   sections and one on a target, the chair drafts, a stale save keeps its text, the region
 *   answers, the secretariat calls a meeting with the response and a closed item, the meeting
 *   amends and adopts the response once held, the plan is approved right after both responses,
 *   goes to the RBR and is published; the public sees the open items, and the decisions once
 *   the minutes are out.
 * Mail and the yearly-calendar board are checked at each step. axe-core on every page;
 * screenshots in test-output/screenshots.
 */
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import type { Locator, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../src/benchmark/index.js';
import { setEra } from '../../src/calendar/index.js';
import { ensureDemoCouncils } from '../../src/councils/index.js';
import { createDocument, ensureHistoricalGoals, newDocumentContent, type PlanContent } from '../../src/documents/index.js';
import { publishBenchmarkFixture } from '../benchmark/fixture.js';
import { axeViolations, chromiumPath, screenshots, startSite, userPages, type Site } from './browser.js';
import { completePlan } from '../support/plans.js';

const E = {
  editor: 'redaktoer@demo.styringshjulet.dk',
  chair: 'formand@demo.styringshjulet.dk',
  rita: 'raad@demo.styringshjulet.dk',
  dorte: 'raad2@demo.styringshjulet.dk',
  region: 'region@demo.styringshjulet.dk',
};
const PLAN = 'Beskæftigelsesplan 2027 for København';
const PLAN_TITLE = 'Beskæftigelsesplan 2027 – Jobcenter København';
const RESPONSE = 'LBR bakker op om planen og lægger vægt på en tidlig indsats for de unge ledige.';
const REGION_RESPONSE = 'Regionen finder planen i tråd med de regionale mål.';
const AMENDMENT = ' Rådet ønsker også, at virksomhederne inddrages tidligt.';
const MEETING = 'Ekstraordinært møde om beskæftigelsesplanen';
const AUDIT = 'Resultatrevision 2025 for København';
const AUDIT_TITLE = 'Resultatrevision 2025 – Jobcenter København';
const AUDIT_RESPONSE = 'LBR noterer, at kontanthjælpen ligger over klyngens niveau, og anbefaler en tidligere indsats.';
const AUDIT_REGION = 'Regionen tager resultatrevisionen til efterretning.';
const AUDIT_MEETING = 'Rådsmøde om resultatrevisionen';
const DECISION = 'Rådet vedtog formandens udkast som rådets høringssvar.';


/** iCalendar folds long lines (CRLF and a space). */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');
const addresses = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));

describe.skipIf(!chromiumPath)('councils, hearings, meetings and the yearly calendar in Chromium', () => {
  const clock = { t: new Date('2026-05-01T07:00:00Z'), now() { return this.t; } };
  const received: ParsedMail[] = [];
  let sink: SMTPServer;
  let site: Site;
  let planId = 0;
  let hearingId = 0;
  let meetingId = 0;
  let auditId = 0;
  let auditHearingId = 0;

  beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, done) => {
        simpleParser(stream).then((m) => { received.push(m); done(); }, done);
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
    const port = (sink.server.address() as { port: number }).port;
    site = await startSite({
      clock,
      env: { SMTP_URL: `smtp://127.0.0.1:${port}` },
      publish: async (db) => {
        await publishBenchmarkFixture(db.db);
        await runBenchmark(db.db);
        await ensureHistoricalGoals(db.db);
        await ensureDemoCouncils(db.db, 2026);
        // The walk runs 2026 on the 2007–2014 rules (the LBR and the region heard), set for the year.
        await setEra(db.db, { id: null, label: 'test' }, 2026, 'lbr');
        // Everyone is mailed at once, but Dorte, who chooses it herself on /notifikationer.
        await db.db.updateTable('app_user').set({ notify: 'immediate' }).where('email', '!=', E.dorte).execute();
        const empty = (await newDocumentContent(db.db, 'employment_plan', 2027)) as PlanContent;
        planId = (await createDocument(db.db, { id: null, label: 'test' }, { kind: 'employment_plan', area: 'J101', year: 2027, content: completePlan(empty, 2, { citizenStrategy: 'Tidlig indsats for alle nyledige.\n\nEn særlig indsats for de unge uden uddannelse.' }) })).id;
      },
    });
  });
  afterAll(async () => {
    await closePages();
    await site?.close();
    await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  });

  /** A page per demo user, logged in once and kept for the later steps. */
  const { as, publicPage, close: closePages } = userPages(() => site, E);

  const matches = (s: string | undefined, p: string | RegExp) => (typeof p === 'string' ? (s ?? '').includes(p) : p.test(s ?? ''));
  const mailsTo = (to: string, subject: string | RegExp, text: string | RegExp = '') => received.filter((m) => addresses(m).includes(to) && matches(m.subject, subject) && matches(m.text, text));
  /** Runs the server's minute job (reminders and mail) and waits for the mail to `to`. */
  async function mail(to: string, subject: string | RegExp, text: string | RegExp = ''): Promise<ParsedMail> {
    await site.app.notifications.tick();
    await expect.poll(() => mailsTo(to, subject, text).length, { timeout: 10_000, message: `mail to ${to}: ${String(subject)} ${String(text)}` }).toBeGreaterThan(0);
    return mailsTo(to, subject, text)[0]!;
  }
  /** The badge of a step for København on the board of 2026. */
  async function boardStatus(page: Page, step: string): Promise<string> {
    await page.goto(`${site.base}/aarshjul?omraade=J101&aar=2026`);
    const badge = page.locator(`tr[data-area="J101"] td[data-step="${step}"] .badge`);
    await badge.waitFor();
    return (await badge.textContent()) ?? '';
  }
  async function noAxe(page: Page, shot?: string) {
    expect(await axeViolations(page)).toEqual([]);
    if (shot) await page.screenshot({ path: `${screenshots}/${shot}.png`, fullPage: true });
  }
  /** A member comments on `on` through its button (`opener`), and sees the comment listed under it. */
  async function comment(page: Page, opener: Locator, on: string, text: string) {
    await opener.click();
    await page.getByLabel(`Din kommentar til ${on}`).fill(text);
    await page.getByRole('button', { name: 'Send kommentar' }).click();
    await page.getByRole('list', { name: `Kommentarer til ${on}` }).getByText(text).waitFor();
  }
  /** A call to the API from the page, as its user (with the session's CSRF token). */
  async function apiFrom(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: { error?: { code: string; message: string; field?: string } } }> {
    return page.evaluate(async ([m, p, b]) => {
      const s = (await (await fetch('/api/session')).json()) as { csrf_token: string };
      const res = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token }, body: b === undefined ? undefined : JSON.stringify(b) });
      return { status: res.status, json: await res.json() };
    }, [method, path, body] as const);
  }
  /** The secretariat calls a meeting on the council page; returns its id (the editor page stays on it). */
  async function callMeeting(page: Page, title: string, startsAt: string): Promise<number> {
    await page.goto(`${site.base}/raad/LBR-J101`);
    await page.getByText('Indkald til møde', { exact: true }).click();
    await page.locator('#new-meeting-title').fill(title);
    await page.locator('#new-meeting-starts_at').fill(startsAt);
    await page.locator('#new-meeting-place').fill('Jobcentret, mødelokale 1');
    await page.getByRole('button', { name: 'Opret mødet' }).click();
    await page.waitForURL(/\/raad\/LBR-J101\/moeder\/\d+/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    return Number(new URL(page.url()).pathname.split('/').pop());
  }
  /** An agenda item that adopts the LBR's response in the hearing. */
  async function responseItem(page: Page, k: number, title: string, hearing: number) {
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.locator(`#m-items-${k}-title`).fill(title);
    await page.locator(`#m-items-${k}-hearing option[value="${hearing}"]`).waitFor({ state: 'attached' });
    await page.locator(`#m-items-${k}-hearing`).selectOption(String(hearing));
  }

  it('a member chooses mail at once on /notifikationer', async () => {
    const page = await as('dorte');
    await page.goto(`${site.base}/notifikationer`);
    await page.getByRole('heading', { level: 1, name: 'Notifikationer' }).waitFor();
    expect(await page.getByLabel('Daglig oversigt (kl. 7)').isChecked()).toBe(true);
    await page.getByLabel('Straks (én mail pr. notifikation)').check();
    await page.getByRole('button', { name: 'Gem valget' }).click();
    await page.getByText('Dit valg er gemt: Straks (én mail pr. notifikation).').waitFor();
    const row = await site.db.db.selectFrom('app_user').select('notify').where('email', '=', E.dorte).executeTakeFirstOrThrow();
    expect(row.notify).toBe('immediate');
    await noAxe(page);
  });

  it('A1. 1 May: the editor drafts the results audit 2025 and sends it to hearing; the LBR’s members and the region are mailed the deadline 21.05.2026', async () => {
    const page = await as('editor');
    await page.goto(`${site.base}/dokumenter`);
    await page.getByText('Ny beskæftigelsesplan eller resultatrevision').click();
    await page.locator('#new-kind').selectOption('results_audit');
    await page.locator('#new-year').fill('2025');
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.waitForURL(/\/dokumenter\/\d+$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: AUDIT_TITLE }).waitFor();
    auditId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByLabel('Jobcenterets sammenfatning').fill('Jobcentret har nedbragt ledigheden, men kontanthjælpen ligger højt.');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Gemt som version \d+\./).waitFor();
    await page.getByRole('button', { name: 'Send i høring' }).click();
    await page.getByText(/Send i høring: dokumentet er nu version/).waitFor();
    await page.getByRole('region', { name: 'Høring', exact: true }).getByText('er i høring til og med 21.05.2026.').waitFor();
    auditHearingId = (await site.db.db.selectFrom('hearing').select('id').where('document_id', '=', auditId).executeTakeFirstOrThrow()).id;
    for (const to of [E.chair, E.rita, E.dorte, E.region]) expect((await mail(to, `Styringshjulet: Høring: ${AUDIT}`)).text).toContain('Fristen for høringssvar er 21.05.2026.');
    expect(await boardStatus(page, 'audit_hearing')).toBe('Udført');
    expect(await boardStatus(page, 'audit_responses')).toBe('Kommende');
  });

  it('A2. a member comments on the audit’s figures; the region gives its response; approval is refused while the LBR has not answered', async () => {
    const rita = await as('rita');
    await rita.goto(`${site.base}/dokumenter/${auditId}/hoering`);
    await rita.getByRole('heading', { level: 1, name: `Høring: ${AUDIT_TITLE}` }).waitFor();
    // The heard version shows the audit's numbers, not only its texts.
    const figures = rita.getByRole('region', { name: 'Resultaterne (tal fra statistikbanken)' });
    await figures.locator('#audit-overview').waitFor();
    await comment(rita, figures.getByRole('button', { name: 'Kommentér tallene' }), 'Resultaterne (tal fra statistikbanken)', 'Kontanthjælpstallet er bekymrende.');
    await noAxe(rita, 'hoering-resultatrevision');
    await mail(E.chair, `Styringshjulet: Ny kommentar i høringen: ${AUDIT}`, 'Rita Rådsmedlem har kommenteret afsnittet "Resultaterne (tal fra statistikbanken)"');

    clock.t = new Date('2026-05-12T08:00:00Z');
    const region = await as('region');
    await region.goto(`${site.base}/dokumenter/${auditId}/hoering`);
    await region.getByLabel(/^Høringssvar fra Beskæftigelsesregion/).fill(AUDIT_REGION);
    await region.getByRole('button', { name: 'Afgiv regionens høringssvar' }).click();
    await region.getByText(/Svaret er føjet til dokumentets bemærkninger/).waitFor();
    await mail(E.editor, `Styringshjulet: Høringssvar vedtaget: ${AUDIT}`, 'Høringssvar fra Beskæftigelsesregion');

    const chair = await as('chair');
    await chair.goto(`${site.base}/dokumenter/${auditId}/hoering`);
    await chair.getByLabel('Høringssvar fra Det Lokale Beskæftigelsesråd, København').fill(AUDIT_RESPONSE);
    await chair.getByRole('button', { name: 'Gem udkast' }).click();
    await chair.getByText('Udkastet er gemt (version 1).').waitFor();

    const page = await as('editor');
    await page.goto(`${site.base}/dokumenter/${auditId}`);
    await page.getByLabel('Mødedato').fill('2026-05-12');
    await page.getByLabel('Beslutning').fill('Godkendt.');
    await page.getByRole('button', { name: 'Registrér godkendelse' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Dokumentet kan ikke godkendes endnu' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Høringen løber til og med 21.05.2026, og Det Lokale Beskæftigelsesråd, København har endnu ikke vedtaget sit høringssvar.');
    expect(await boardStatus(page, 'audit_responses')).toBe('Snart');
  });

  it('A3. the meeting cannot decide before it is held; on its day it adopts the response, and the audit is approved at once, sent to the RBR and published', async () => {
    const page = await as('editor');
    const id = await callMeeting(page, AUDIT_MEETING, '2026-05-19T16:00');
    await responseItem(page, 0, 'Høringssvar til resultatrevisionen 2025', auditHearingId);
    // The text the decision will adopt is shown before the adoption.
    expect(await page.getByLabel('Høringssvaret, som mødet vedtager').inputValue()).toBe(AUDIT_RESPONSE);
    // 12 May: the meeting is on 19 May, so there is nothing to decide yet.
    await page.getByText('Mødet holdes 19.05.2026 og er ikke holdt endnu. Beslutningen skrives på mødedagen eller derefter.').waitFor();
    expect(await page.locator('#m-items-0-decision').evaluate((e) => e.tagName)).toBe('P');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Mødet er gemt \(version \d+\)\./).waitFor();
    await page.getByRole('button', { name: 'Offentliggør dagsorden' }).click();
    await page.getByText('Dagsordenen er offentliggjort.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Offentliggør referat' }).isDisabled()).toBe(true);
    await mail(E.rita, 'Styringshjulet: Dagsorden: Det Lokale Beskæftigelsesråd, København', AUDIT_MEETING);
    // The server refuses a decision before the meeting's day, whoever sends it.
    const m = (await apiFrom(page, 'GET', `/api/meetings/${id}`)) as unknown as { status: number; json: { revision: number; title: string; starts_at: string; place: string; items: { decision: string }[]; minutes: string } };
    m.json.items[0]!.decision = 'Vedtaget i forvejen.';
    const early = await apiFrom(page, 'PUT', `/api/meetings/${id}`, { ...m.json, starts_at: m.json.starts_at });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'not_held', message: 'Feltet items.0.decision: Mødet holdes 19.05.2026. Beslutninger kan først registreres på mødedagen eller derefter.' });

    clock.t = new Date('2026-05-19T17:30:00Z');
    await page.reload();
    await page.locator('#m-items-0-decision').fill('Rådet vedtog formandens udkast.');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Høringssvaret under punkt 1 er vedtaget og føjet til dokumentets bemærkninger/).waitFor();
    await mail(E.editor, `Styringshjulet: Høringssvar vedtaget: ${AUDIT}`, 'Høringssvar fra Det Lokale Beskæftigelsesråd, København');
    expect(await boardStatus(page, 'audit_responses')).toBe('Udført');
    await page.goto(`${site.base}/raad/LBR-J101/moeder/${id}`);
    await page.getByRole('button', { name: 'Offentliggør referat' }).click();
    await page.getByText('Referatet er offentliggjort.', { exact: false }).waitFor();

    // 20 May, before the deadline: both bodies have answered, so the approval goes through at once.
    clock.t = new Date('2026-05-20T08:00:00Z');
    await page.goto(`${site.base}/dokumenter/${auditId}`);
    await page.getByRole('region', { name: 'Høring', exact: true }).getByText(/Alle høringsparter har vedtaget deres svar, så dokumentet kan godkendes nu\./).waitFor();
    await page.getByLabel('Mødedato').fill('2026-05-20');
    await page.getByLabel('Beslutning').fill('Kommunalbestyrelsen godkendte resultatrevisionen med bemærkningerne.');
    await page.getByRole('button', { name: 'Registrér godkendelse' }).click();
    await page.getByText(/Godkendt af kommunalbestyrelsen 20\.05\.2026: Kommunalbestyrelsen godkendte resultatrevisionen med bemærkningerne\./).waitFor();
    expect((await mail(E.region, `Styringshjulet: ${AUDIT} er godkendt`)).text).toContain('godkendt af kommunalbestyrelsen (20.05.2026) og sendt til RBR med høringssvarene');
    expect(await boardStatus(page, 'audit_approval')).toBe('Udført');

    await page.goto(`${site.base}/dokumenter/${auditId}`);
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByText(/Offentliggør: dokumentet er nu version/).waitFor();
    await mail(E.region, `Styringshjulet: ${AUDIT} er offentliggjort`);
    expect(await boardStatus(page, 'audit_publish')).toBe('Udført');

    const pub = await publicPage();
    await pub.goto(`${site.base}/dokumenter/${auditId}`);
    await pub.getByRole('heading', { level: 1, name: AUDIT_TITLE }).waitFor();
    const comments = pub.getByRole('region', { name: 'Bemærkninger', exact: true });
    await comments.getByText(AUDIT_RESPONSE).waitFor();
    await comments.getByText(AUDIT_REGION).waitFor();
    await noAxe(pub, 'resultatrevision-offentlig');
  });

  it('1. the editor sends the plan to hearing: the LBR’s members and the region are mailed the deadline; the board shows the hearing done', async () => {
    clock.t = new Date('2026-06-25T08:00:00Z');
    const page = await as('editor');
    await page.goto(`${site.base}/dokumenter/${planId}`);
    await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
    expect(await page.getByLabel('Kræv alle høringssvar før godkendelse').isChecked()).toBe(false);
    expect(await page.getByLabel('Frist for høringssvar (valgfri)').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Send i høring' }).click();
    await page.getByText(/Send i høring: dokumentet er nu version/).waitFor();
    const panel = page.getByRole('region', { name: 'Høring', exact: true });
    await panel.getByText('er i høring til og med 31.08.2026.').waitFor();
    expect(await panel.getByRole('link', { name: 'Gå til høringen' }).getAttribute('href')).toBe(`/dokumenter/${planId}/hoering`);
    await noAxe(page, 'raad-dokument-i-hoering');
    hearingId = (await site.db.db.selectFrom('hearing').select('id').where('document_id', '=', planId).executeTakeFirstOrThrow()).id;

    for (const to of [E.chair, E.rita, E.dorte, E.region]) {
      const m = await mail(to, `Styringshjulet: Høring: ${PLAN}`);
      expect(m.text).toContain('Fristen for høringssvar er 31.08.2026.');
      expect(m.text).toContain(`/dokumenter/${planId}/hoering`);
    }
    expect(mailsTo(E.editor, 'Høring:')).toHaveLength(0);

    expect(await boardStatus(page, 'plan_hearing')).toBe('Udført');
    expect(await boardStatus(page, 'plan_responses')).toBe('Kommende');
    // The dialogue with the region shows in no document: the editor marks it.
    expect(await boardStatus(page, 'plan_region_dialogue')).toBe('Snart');
    const own = page.getByRole('region', { name: 'Trin, Jobcenter København selv markerer' });
    expect(await own.getByLabel('Udført den').inputValue()).toBe('2026-06-25');
    await own.getByRole('button', { name: 'Markér som udført' }).click();
    await page.getByText(/er markeret som udført 25\.06\.2026/).waitFor();
    expect(await page.locator('tr[data-area="J101"] td[data-step="plan_region_dialogue"] .badge').textContent()).toBe('Udført');
    expect(await page.getByRole('list', { name: 'Antal frister efter status' }).getByText('Udført', { exact: true }).count()).toBe(1);
    await noAxe(page, 'aarshjul');
  });

  it('2. two members comment on different sections, see each other’s comments, and the other members are mailed', async () => {
    const rita = await as('rita');
    await rita.goto(`${site.base}/dokumenter/${planId}/hoering`);
    await rita.getByRole('heading', { level: 1, name: `Høring: ${PLAN_TITLE}` }).waitFor();
    await rita.getByText('Høringen løber til og med 31.08.2026').waitFor();
    await comment(rita, rita.getByRole('button', { name: 'Kommentér stk. 2 i Borgerrettet indsats: strategi' }), 'stk. 2 i Borgerrettet indsats: strategi', 'Husk de unge ledige med psykiske problemer.');
    await noAxe(rita, 'hoering');

    const dorte = await as('dorte');
    await dorte.goto(`${site.base}/dokumenter/${planId}/hoering`);
    await dorte.getByText('Husk de unge ledige med psykiske problemer.').waitFor();
    expect(await dorte.locator('.hearing-comment').filter({ hasText: 'Husk de unge ledige' }).getByText('Rita Rådsmedlem').count()).toBe(1);
    expect(await dorte.getByRole('button', { name: 'Træk kommentaren tilbage' }).count()).toBe(0); // not hers
    await comment(dorte, dorte.getByRole('button', { name: 'Kommentér stk. 1 i Virksomhedsrettet indsats: strategi' }), 'stk. 1 i Virksomhedsrettet indsats: strategi', 'Virksomhederne skal inddrages tidligere.');

    await rita.reload();
    await rita.getByRole('list', { name: 'Kommentarer til stk. 1 i Virksomhedsrettet indsats: strategi' }).getByText('Virksomhederne skal inddrages tidligere.').waitFor();
    // A comment on the document as a whole, withdrawn again.
    await rita.getByRole('button', { name: 'Kommentér afsnittet Dokumentet som helhed' }).click();
    await rita.getByLabel('Din kommentar til Dokumentet som helhed').fill('Et udkast, jeg trækker tilbage.');
    await rita.getByRole('button', { name: 'Send kommentar' }).click();
    const mine = rita.locator('.hearing-comment').filter({ hasText: 'Et udkast, jeg trækker tilbage.' });
    await mine.waitFor();
    await mine.getByRole('button', { name: 'Træk kommentaren tilbage' }).click();
    await expect.poll(() => rita.getByText('Et udkast, jeg trækker tilbage.').count()).toBe(0);

    // A target of the heard version, with its live status, commented on as such.
    const target = rita.getByRole('region', { name: 'Mål: Færre på kontanthjælp (mål 1)' });
    await target.getByRole('group').getByText(/^Status:/).waitFor();
    await comment(rita, target.getByRole('button', { name: 'Kommentér målet Færre på kontanthjælp (mål 1)' }), 'målet Færre på kontanthjælp (mål 1)', 'Målet er for lidt ambitiøst: sigt efter −10 %.');

    const subject = `Styringshjulet: Ny kommentar i høringen: ${PLAN}`;
    await mail(E.chair, subject, 'Rita Rådsmedlem har kommenteret målet "Færre på kontanthjælp (mål 1)"');
    await mail(E.dorte, subject, 'Rita Rådsmedlem har kommenteret afsnittet "Borgerrettet indsats: strategi"');
    await mail(E.chair, subject, 'Rita Rådsmedlem har kommenteret afsnittet "Borgerrettet indsats: strategi"');
    await mail(E.rita, subject, 'Dorte Arbejdsgiver har kommenteret afsnittet "Virksomhedsrettet indsats: strategi"');
    await mail(E.chair, subject, 'Dorte Arbejdsgiver har kommenteret afsnittet "Virksomhedsrettet indsats: strategi"');
    expect(mailsTo(E.rita, subject, 'Rita Rådsmedlem har kommenteret')).toHaveLength(0);
    expect(mailsTo(E.region, subject)).toHaveLength(0);
  });

  it('3. the chair drafts the response (the rules say a meeting adopts it); a stale save keeps its text; the region gives its response', async () => {
    const lbrLabel = 'Høringssvar fra Det Lokale Beskæftigelsesråd, København';
    // The secretariat opens the hearing before the chair saves.
    const editor = await as('editor');
    await editor.goto(`${site.base}/dokumenter/${planId}/hoering`);
    await editor.getByLabel(lbrLabel).waitFor();

    const chair = await as('chair');
    await chair.goto(`${site.base}/dokumenter/${planId}/hoering`);
    await chair.getByLabel(lbrLabel).fill(RESPONSE);
    await chair.getByRole('button', { name: 'Gem udkast' }).click();
    await chair.getByText('Udkastet er gemt (version 1).').waitFor();
    expect(await chair.getByRole('button', { name: /Godkend som formand|Vedtag høringssvaret/ }).count()).toBe(0);
    await chair.getByText(/Efter rådets forretningsorden vedtages høringssvaret på et rådsmøde/).waitFor();
    expect(await chair.getByRole('link', { name: 'rådets møder' }).getAttribute('href')).toBe('/raad/LBR-J101#s-meetings');
    await noAxe(chair, 'hoering-udkast');

    await editor.getByLabel(lbrLabel).fill('Sekretariatets eget udkast.');
    await editor.getByRole('button', { name: 'Gem udkast' }).click();
    const alert = editor.getByRole('alert').filter({ hasText: 'Høringssvaret er ændret af en anden' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Din tekst er ikke gemt, men står stadig i feltet.');
    expect(await editor.getByLabel(lbrLabel).inputValue()).toBe('Sekretariatets eget udkast.');
    await alert.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await expect.poll(() => editor.getByLabel(lbrLabel).inputValue()).toBe(RESPONSE);

    const region = await as('region');
    await region.goto(`${site.base}/dokumenter/${planId}/hoering`);
    await region.getByLabel(/^Høringssvar fra Beskæftigelsesregion/).fill(REGION_RESPONSE);
    await region.getByRole('button', { name: 'Afgiv regionens høringssvar' }).click();
    await region.getByText(REGION_RESPONSE).waitFor();
    await region.getByText(/Svaret er føjet til dokumentets bemærkninger/).waitFor();
    expect(await region.getByRole('row').filter({ hasText: /^Beskæftigelsesregion/ }).getByText('Vedtaget').count()).toBe(1);
    await noAxe(region);
    await mail(E.editor, `Styringshjulet: Høringssvar vedtaget: ${PLAN}`, 'Høringssvar fra Beskæftigelsesregion');
  });

  it('4. the council page; the editor calls a meeting with the response and a closed item, publishes the agenda and records the decision: the response is adopted', async () => {
    const page = await as('editor');
    await page.goto(`${site.base}/raad/LBR-J101`);
    await page.getByRole('heading', { level: 1, name: 'Det Lokale Beskæftigelsesråd, København' }).waitFor();
    await page.getByText(/^Sammensætningen opfylder (?!ikke)/).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Bo Borgmester' }).getByText('Formand', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /^LO 3 3/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Forretningsorden 2022' }).count()).toBe(1);

    // A member without the required fields: the error summary links to the field.
    await page.getByRole('button', { name: 'Tilføj medlem' }).click();
    await page.getByRole('button', { name: 'Tilføj medlemmet' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'vælg pladsen' });
    await summary.waitFor();
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('member-seat');
    await page.getByRole('button', { name: 'Annullér' }).click();
    // A member changed by someone else meanwhile: refused, the form kept.
    await page.getByRole('button', { name: 'Ret Victor Vang' }).click();
    await page.getByLabel('Udpeget af').fill('Kommunalbestyrelsen (genudpeget)');
    await site.db.db.updateTable('council_member').set((eb) => ({ version: eb('version', '+', 1), updated_by: 'en kollega' })).where('name', '=', 'Victor Vang').execute();
    await page.getByRole('button', { name: 'Gem medlemmet' }).click();
    await page.getByRole('alert').filter({ hasText: 'Medlemmet er ændret af en anden' }).getByText(/Victor Vang er ændret af en kollega/).waitFor();
    expect(await page.getByLabel('Udpeget af').inputValue()).toBe('Kommunalbestyrelsen (genudpeget)');
    await page.getByRole('button', { name: 'Annullér' }).click();

    // The council's own milestones.
    const milestones = page.getByRole('region', { name: 'Rådets eget årshjul' });
    for (const [due, title] of [['2026-09-15', 'Temamøde om unge ledige'], ['2026-10-01', 'Slettes igen']] as const) {
      await milestones.getByLabel('Dato').fill(due);
      await milestones.getByLabel('Titel').fill(title);
      await milestones.getByRole('button', { name: 'Tilføj milepæl' }).click();
      await milestones.getByText(`Milepælen "${title}" er tilføjet.`).waitFor();
    }
    await milestones.getByRole('button', { name: 'Slet milepælen Slettes igen' }).click();
    await milestones.getByText('Milepælen "Slettes igen" er slettet.').waitFor();
    expect(await milestones.getByText('15.09.2026: Temamøde om unge ledige').count()).toBe(1);
    await noAxe(page, 'raad');

    // The meeting.
    await page.getByText('Indkald til møde', { exact: true }).click();
    await page.locator('#new-meeting-title').fill(MEETING);
    await page.locator('#new-meeting-starts_at').fill('2026-08-20T16:00');
    await page.locator('#new-meeting-place').fill('Jobcentret, mødelokale 1');
    await page.getByRole('button', { name: 'Opret mødet' }).click();
    await page.waitForURL(/\/raad\/LBR-J101\/moeder\/\d+/);
    meetingId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await page.getByText('20.08.2026 kl. 16.00 · Jobcentret, mødelokale 1').waitFor();

    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.locator('#m-items-0-title').fill('Høringssvar til beskæftigelsesplanen 2027');
    await page.locator('#m-items-0-text').fill('Rådet behandler formandens udkast til høringssvar.');
    await page.locator(`#m-items-0-doc option[value="${planId}"]`).waitFor({ state: 'attached' });
    await page.locator('#m-items-0-doc').selectOption(String(planId));
    await page.getByRole('button', { name: 'Vedhæft dokumentet til Høringssvar til beskæftigelsesplanen 2027' }).click();
    await page.locator('#m-items-0-file').setInputFiles({ name: 'notat.txt', mimeType: 'text/plain', buffer: Buffer.from('Notat om høringssvaret.') });
    await page.getByRole('link', { name: 'notat.txt' }).waitFor();
    await page.locator(`#m-items-0-hearing option[value="${hearingId}"]`).waitFor({ state: 'attached' });
    await page.locator('#m-items-0-hearing').selectOption(String(hearingId));
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.locator('#m-items-1-title').fill('Personalesag i jobcentret');
    await page.locator('#m-items-1-closed').check();
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.locator('#m-items-2-title').fill('Godkendelse af dagsorden');
    await page.getByRole('button', { name: 'Flyt op Godkendelse af dagsorden' }).click();
    await page.getByRole('button', { name: 'Flyt op Godkendelse af dagsorden' }).click();
    expect(await page.locator('#m-items-0-title').inputValue()).toBe('Godkendelse af dagsorden');
    expect(await page.locator('#m-items-1-title').inputValue()).toBe('Høringssvar til beskæftigelsesplanen 2027');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Mødet er gemt (version 2).').waitFor();
    await noAxe(page, 'moede-rediger');

    await page.getByRole('button', { name: 'Offentliggør dagsorden' }).click();
    await page.getByText('Dagsordenen er offentliggjort.', { exact: false }).waitFor();
    for (const to of [E.chair, E.rita, E.dorte, E.editor]) {
      const m = await mail(to, 'Styringshjulet: Dagsorden: Det Lokale Beskæftigelsesråd, København', `Dagsordenen til "${MEETING}"`);
      expect(m.text).toContain('med 3 punkter');
    }
    expect(mailsTo(E.region, 'Dagsorden:')).toHaveLength(0);

    // 25 June: the meeting on 20 August is not held yet, so nothing can be decided.
    await page.getByText('Mødet holdes 20.08.2026 og er ikke holdt endnu. Beslutningen skrives på mødedagen eller derefter.').first().waitFor();
    expect(await page.locator('#m-items-1-decision').evaluate((e) => e.tagName)).toBe('P');
    expect(await page.getByRole('button', { name: 'Offentliggør referat' }).isDisabled()).toBe(true);
    clock.t = new Date('2026-08-20T17:00:00Z');
    await page.reload();
    await page.locator('#m-items-1-decision').waitFor();
    // Saved by someone else meanwhile: refused, the decision kept in the form.
    await page.locator('#m-items-1-decision').fill(DECISION);
    await site.db.db.updateTable('meeting').set((eb) => ({ revision: eb('revision', '+', 1), updated_by: 'en kollega' })).where('id', '=', meetingId).execute();
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Mødet er ændret af en anden' });
    await conflict.getByText(/Mødet er ændret af en kollega/).waitFor();
    expect(await page.locator('#m-items-1-decision').inputValue()).toBe(DECISION);
    await conflict.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await expect.poll(() => page.locator('#m-items-1-decision').inputValue()).toBe('');
    await page.locator('#m-items-1-decision').fill(DECISION);
    // The meeting amends the chair's draft: the amended text is what the decision adopts.
    const adopted = page.getByLabel('Høringssvaret, som mødet vedtager');
    expect(await adopted.inputValue()).toBe(RESPONSE);
    await adopted.fill(RESPONSE + AMENDMENT);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(/Høringssvaret under punkt 2 er vedtaget og føjet til dokumentets bemærkninger/).waitFor();
    await mail(E.chair, `Styringshjulet: Høringssvar vedtaget: ${PLAN}`, 'Høringssvar fra Det Lokale Beskæftigelsesråd, København');

    // The read view: numbered items, the closed one marked, attachments as links.
    await page.getByRole('button', { name: 'Vis mødet' }).click();
    await page.getByRole('heading', { name: 'Punkt 2. Høringssvar til beskæftigelsesplanen 2027' }).waitFor();
    expect(await page.getByRole('heading', { name: /Punkt 3\. Personalesag i jobcentret/ }).getByText('Lukket punkt').count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Beskæftigelsesplan 2027 – Jobcenter København \(version \d+\)$/ }).getAttribute('href')).toBe(`/dokumenter/${planId}`);
    const file = await page.getByRole('link', { name: 'notat.txt' }).getAttribute('href');
    expect(file).toMatch(new RegExp(`^/api/meetings/${meetingId}/files/\\d+$`));
    expect(await (await page.context().request.get(site.base + file!)).text()).toBe('Notat om høringssvaret.');
    await page.getByText(DECISION).waitFor();
    await noAxe(page, 'moede');

    // The response is adopted: on the hearing page, in the plan's comments, and on the board.
    await page.goto(`${site.base}/dokumenter/${planId}/hoering`);
    await page.getByRole('row').filter({ hasText: 'Det Lokale Beskæftigelsesråd, København' }).getByText('Vedtaget').waitFor();
    await page.goto(`${site.base}/dokumenter/${planId}`);
    const comments = page.getByRole('region', { name: 'Bemærkninger', exact: true });
    await comments.getByText(RESPONSE).waitFor();
    await comments.getByText(/Høringssvar fra Det Lokale Beskæftigelsesråd, København, vedtaget .*punkt 2/).waitFor();
    await comments.getByText(RESPONSE + AMENDMENT).waitFor();
    const stored = await site.db.db.selectFrom('document').select('content').where('id', '=', planId).executeTakeFirstOrThrow();
    expect((stored.content as PlanContent).comments.lbr).toContain(RESPONSE + AMENDMENT);
    expect(await boardStatus(page, 'plan_responses')).toBe('Udført');
  });

  it('5. with both responses adopted, the plan is approved at once, before the deadline, and goes to the RBR', async () => {
    clock.t = new Date('2026-08-25T08:00:00Z');
    const page = await as('editor');
    await page.goto(`${site.base}/dokumenter/${planId}`);
    const panel = page.getByRole('region', { name: 'Høring', exact: true });
    await panel.getByText('er i høring til og med 31.08.2026.').waitFor();
    await panel.getByText(/Alle høringsparter har vedtaget deres svar, så dokumentet kan godkendes nu\./).waitFor();
    await page.getByLabel('Mødedato').fill('2026-08-25');
    await page.getByLabel('Beslutning').fill('Kommunalbestyrelsen godkendte planen med bemærkningerne.');
    await page.getByRole('button', { name: 'Registrér godkendelse' }).click();
    await page.getByText(/Godkendt af kommunalbestyrelsen 25\.08\.2026: Kommunalbestyrelsen godkendte planen med bemærkningerne\./).waitFor();
    const m = await mail(E.region, `Styringshjulet: ${PLAN} er godkendt`);
    expect(m.text).toContain('godkendt af kommunalbestyrelsen (25.08.2026) og sendt til RBR med høringssvarene');

    expect(await boardStatus(page, 'plan_approval')).toBe('Udført');
    // Sent to the RBR at approval, on the server's clock: before its deadline, 31 October.
    expect(await boardStatus(page, 'plan_to_rbr')).toBe('Udført');
    expect(await boardStatus(page, 'plan_responses')).toBe('Udført');
    await noAxe(page);
  });

  it('6. the plan is published with the response; the public sees the meeting’s open items, and the decision once the minutes are out', async () => {
    const page = await as('editor');
    await page.goto(`${site.base}/dokumenter/${planId}`);
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByText(/Offentliggør: dokumentet er nu version/).waitFor();
    expect(await page.locator('.badge').first().textContent()).toBe('Offentliggjort');
    await mail(E.region, `Styringshjulet: ${PLAN} er offentliggjort`);

    const pub = await publicPage();
    await pub.goto(`${site.base}/dokumenter/${planId}`);
    await pub.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
    const comments = pub.getByRole('region', { name: 'Bemærkninger', exact: true });
    await comments.getByText(RESPONSE).waitFor();
    await comments.getByText(REGION_RESPONSE).waitFor();
    expect(await pub.getByRole('region', { name: 'Høring', exact: true }).count()).toBe(0);
    await noAxe(pub, 'raad-plan-offentlig');

    await pub.goto(`${site.base}/raad/LBR-J101/moeder/${meetingId}`);
    await pub.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await pub.getByRole('heading', { name: 'Punkt 2. Høringssvar til beskæftigelsesplanen 2027' }).waitFor();
    expect(await pub.getByText('Personalesag i jobcentret').count()).toBe(0);
    expect(await pub.getByText(DECISION).count()).toBe(0);
    expect(await pub.getByRole('button', { name: 'Redigér mødet' }).count()).toBe(0);
    await noAxe(pub);

    await page.goto(`${site.base}/raad/LBR-J101/moeder/${meetingId}`);
    await page.getByRole('button', { name: 'Offentliggør referat' }).click();
    await page.getByText('Referatet er offentliggjort.', { exact: false }).waitFor();
    await mail(E.rita, 'Styringshjulet: Referat: Det Lokale Beskæftigelsesråd, København', MEETING);

    await pub.reload();
    await pub.getByText(DECISION).waitFor();
    expect(await pub.getByText('Personalesag i jobcentret').count()).toBe(0);
    expect(await pub.getByRole('link', { name: 'Referat som PDF' }).getAttribute('href')).toBe(`/api/meetings/${meetingId}/pdf?what=minutes`);
    const html = await (await pub.context().request.get(`${site.base}/api/meetings/${meetingId}/html?what=minutes`)).text();
    expect(html).toContain(DECISION);
    expect(html).not.toContain('Personalesag');
    await noAxe(pub, 'moede-offentlig');
  });

  it('the councils list, the public council page with its feed, notifications and the personal calendar', async () => {
    const pub = await publicPage();
    await pub.goto(`${site.base}/raad`);
    await pub.getByRole('heading', { level: 1, name: 'Råd og møder' }).waitFor();
    await pub.getByLabel('Type').selectOption('LBR');
    await pub.getByLabel('Søg').fill('København');
    await pub.getByText('1 råd vist.').waitFor();
    expect(pub.url()).toContain('type=LBR');
    await noAxe(pub, 'raad-liste');
    await pub.getByRole('link', { name: 'Det Lokale Beskæftigelsesråd, København' }).click();
    await pub.getByRole('heading', { level: 1, name: 'Det Lokale Beskæftigelsesråd, København' }).waitFor();
    await pub.getByRole('link', { name: new RegExp(MEETING) }).waitFor();
    expect(await pub.getByRole('button', { name: 'Tilføj medlem' }).count()).toBe(0);
    expect(await pub.getByRole('heading', { name: 'Rådets eget årshjul' }).count()).toBe(0);
    const feed = await pub.getByRole('link', { name: 'Abonnér på kalenderen' }).getAttribute('href');
    expect(feed).toBe('/api/calendar/feeds/organisations/LBR-J101.ics');
    const ics = unfold(await (await pub.context().request.get(site.base + feed!)).text());
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(MEETING);
    await noAxe(pub, 'raad-offentlig');

    // The secretariat writes and publishes new rules of procedure from the council page.
    const editor = await as('editor');
    await editor.goto(`${site.base}/raad/LBR-J101`);
    await editor.getByRole('button', { name: /^Opret forretningsorden/ }).click();
    await editor.waitForURL(/\/dokumenter\/\d+$/);
    await editor.getByRole('heading', { level: 1, name: /^Forretningsorden \d{4} – Jobcenter København$/ }).waitFor();
    await editor.getByLabel('Forretningsordenens tekst').fill('§ 1. Rådet holder seks møder om året.\n\n§ 2. Formanden godkender rådets høringssvar.');
    await editor.getByLabel('Ordinære møder om året').fill('6');
    await editor.getByLabel('Godkendes af formanden').check();
    await editor.getByRole('button', { name: 'Gem', exact: true }).click();
    await editor.getByText('Gemt som version 2.').waitFor();
    await noAxe(editor, 'forretningsorden');
    await editor.getByRole('button', { name: 'Offentliggør' }).click();
    await editor.getByText(/Offentliggør: dokumentet er nu version 3/).waitFor();
    await editor.getByText('Godkendes af formanden').waitFor();
    await editor.goto(`${site.base}/raad/LBR-J101`);
    await expect.poll(() => editor.getByRole('listitem').filter({ hasText: /^Forretningsorden 20\d\d Offentliggjort$/ }).count()).toBe(2);
    expect(await editor.getByRole('button', { name: /^Opret forretningsorden/ }).count()).toBe(0);

    const dorte = await as('dorte');
    await dorte.goto(`${site.base}/notifikationer`);
    await dorte.getByRole('link', { name: /^Notifikationer \d+ ulæste$/ }).waitFor();
    expect(await dorte.getByRole('link', { name: `Høring: ${PLAN}` }).getAttribute('href')).toBe(`/dokumenter/${planId}/hoering`);
    await noAxe(dorte, 'notifikationer');
    await dorte.getByRole('button', { name: 'Markér alle som læst' }).click();
    await dorte.getByRole('heading', { name: /^Ingen ulæste/ }).waitFor();
    await expect.poll(() => dorte.getByRole('link', { name: /ulæste/ }).count()).toBe(0);
    await dorte.getByRole('button', { name: 'Personlig kalender (.ics)' }).click();
    const url = await dorte.getByLabel('Din personlige kalenderadresse').inputValue();
    expect(url).toMatch(/\/api\/calendar\/feeds\/me\/[\w-]+\.ics$/);
    const mineIcs = unfold(await (await dorte.context().request.get(site.base + new URL(url).pathname)).text());
    expect(mineIcs).toContain(MEETING);
    expect(mineIcs).toContain('Temamøde om unge ledige');
    await noAxe(dorte);
  });
});
