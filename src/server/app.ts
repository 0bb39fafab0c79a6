import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { findRelease, listReleases } from '../indicators/index.js';
import { accessRoutes, installGuard, permit } from '../access/index.js';
import { createMailer } from '../mail/index.js';
import { benchmarkRoutes } from '../benchmark/index.js';
import { profileRoutes, StatbankService, statbankRoutes } from '../statbank/index.js';
import { documentRoutes, PdfPrinter, type TransitionHook } from '../documents/index.js';
import { followupHooks, followupRoutes, generateAnalysisReports, generateFollowupReports } from '../followup/index.js';
import { calendarRoutes } from '../calendar/index.js';
import { systemClock, type Clock } from '../clock.js';
import { councilRoutes } from '../councils/index.js';
import { grantHooks, grantRoutes } from '../grants/index.js';
import { cooperationRoutes } from '../cooperation/index.js';
import { hearingHooks, hearingRoutes, hearingRuns, HearingService } from '../hearings/index.js';
import { meetingRoutes, MeetingService } from '../meetings/index.js';
import { notificationRoutes, Notifier } from '../notifications/index.js';
import { notificationRound } from './notify.js';
import { webRoutes } from './web.js';
import { publicReadCors } from './cors.js';
import { openApiDocument } from './openapi.js';
import { demoResponse, healthResponse, openApiResponse, releasesResponse, respond } from './shared.js';
import type { OpenApiDocument } from './responses.js';

/** A stage of the demo's preparation, as the start page shows it (the CLI's progress bars report the same). */
interface StageProgress {
  stage: string;
  done: number;
  total: number;
  detail?: string;
}

/** What the start page knows of the demo being prepared on first start. */
export interface DemoState {
  status: 'idle' | 'running' | 'ready' | 'failed';
  stages: Map<string, StageProgress>;
  error?: string;
  /** Set in demo mode: shown on the start page and in every PDF's footer (`demoNote`). */
  note?: string;
}

interface ServerDeps {
  db: Db;
  config: Config;
  demo?: DemoState;
  /** The time deadlines and reminders run on (tests pass their own). */
  clock?: Clock;
  /** Send reminders and mail every minute (default true; tests call `app.notifications.tick()` instead). */
  schedule?: boolean;
  /** The built web app to serve (default dist/web; tests that need no real build pass test/fixtures/web-dist). */
  webDist?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Reminders and mail: what the server's minute timer runs. */
    notifications: { notifier: Notifier; tick(): Promise<{ reminders: number; mails: number }> };
  }
}

/** The HTTP server: health, the access API, the statistics API and the web app, in one process. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  // Every route below must name its permission (src/access/policy.ts).
  await installGuard(app, deps.db.db);
  const pub = permit('statistics.read');
  const demo: DemoState = deps.demo ?? { status: 'idle', stages: new Map() };
  const db = deps.db.db;

  app.get('/api/health', pub, async (req) => {
    const release = await findRelease(db);
    return respond(req, healthResponse, {
      status: 'ok',
      database: deps.db.kind,
      demo: demo.status,
      release: release ? { version: release.version, source: release.source, cutoff_week: release.cutoff_week, created_at: release.created_at } : null,
    });
  });

  app.get('/api/releases', pub, async (req) =>
    respond(req, releasesResponse, (await listReleases(db)).map((r) => ({ version: r.version, source: r.source, first_week: r.first_week, cutoff_week: r.cutoff_week, created_at: r.created_at, notes: r.notes }))),
  );

  const clock = deps.clock ?? systemClock;
  const mailer = createMailer({ url: deps.config.SMTP_URL, from: deps.config.MAIL_FROM });
  const notifier = new Notifier(db, mailer, clock, deps.config.publicUrl);
  await app.register(accessRoutes, { prefix: '/api', db, secureCookies: deps.config.COOKIE_SECURE, baseUrl: deps.config.publicUrl, loginRateLimit: deps.config.LOGIN_RATE_LIMIT, mailer,
    oidc: deps.config.OIDC_ISSUER
      ? { issuer: deps.config.OIDC_ISSUER, clientId: deps.config.OIDC_CLIENT_ID!, clientSecret: deps.config.OIDC_CLIENT_SECRET, publicUrl: deps.config.publicUrl, label: deps.config.OIDC_LABEL }
      : undefined,
  });
  await app.register(profileRoutes, { prefix: '/api', db });
  await app.register(benchmarkRoutes, { prefix: '/api', db });
  // One statistics bank (and its caches) for the /v3 API and the documents' targets and figures.
  const statbank = new StatbankService(db);
  // /v3 is public and read-only: CORS (GET and its preflight) for browser dashboards on other sites; /api has none.
  await app.register(async (v3) => {
    publicReadCors(v3);
    await v3.register(statbankRoutes, { db, service: statbank, anonRateLimit: deps.config.API_ANON_RATE_LIMIT, publicUrl: deps.config.publicUrl });
    v3.get('/openapi.json', pub, async (req) => respond(req, openApiResponse, openApi().v3));
  }, { prefix: '/v3' });
  const pdf = new PdfPrinter(deps.config.CHROMIUM_PATH, demo.note);
  app.addHook('onClose', () => pdf.close());
  // Mail what a change notified as soon as it is stored; the minute timer catches the rest.
  const flush = () => notifier.flush().catch((err) => app.log.error(err));
  const hearingDeps = { clock, notifier };
  const hearings = new HearingService(db, hearingDeps);
  await app.register(documentRoutes, { prefix: '/api', db, statbank, pdf, onTransition: bothHooks(grantHooks(), bothHooks(hearingHooks(hearingDeps), followupHooks(hearingDeps))), hearingRuns: hearingRuns(db), demoNote: demo.note, afterChange: flush, clock, features: deps.config.FEATURES,
    regenerate: {
      followup_report: (actor, doc) => generateFollowupReports(db, statbank, actor, { quarter: doc.period, jobcenters: [doc.area] }),
      analysis_report: (actor, doc) => generateAnalysisReports(db, statbank, actor, { year: doc.year, regions: [doc.area] }),
    } });
  await app.register(followupRoutes, { prefix: '/api', db, statbank, notifier, clock, afterChange: flush });
  await app.register(hearingRoutes, { prefix: '/api', db, service: hearings, deps: hearingDeps, statbank, demoNote: demo.note, afterChange: flush });
  await app.register(councilRoutes, { prefix: '/api', db, clock });
  await app.register(grantRoutes, { prefix: '/api', db, clock, statbank, pdf });
  await app.register(cooperationRoutes, { prefix: '/api', db, clock });
  await app.register(meetingRoutes, { prefix: '/api', db, service: new MeetingService(db, { clock, notifier, hearings }), pdf, afterChange: flush });
  await app.register(calendarRoutes, { prefix: '/api', db, clock, publicUrl: deps.config.publicUrl });
  await app.register(notificationRoutes, { prefix: '/api', db, notifier });
  const tick = () => notificationRound(db, notifier, clock, hearings);
  app.decorate('notifications', { notifier, tick });
  if (deps.schedule !== false) {
    const timer = setInterval(() => void tick().catch((err) => app.log.error(err)), 60_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  // The OpenAPI documents, made once from the complete route table (the first request comes after every route is registered).
  let documents: { api: OpenApiDocument; v3: OpenApiDocument } | undefined;
  const openApi = () => (documents ??= { api: openApiDocument('api', app.routeTable, version), v3: openApiDocument('v3', app.routeTable, version) });
  app.get('/api/openapi.json', pub, async (req) => respond(req, openApiResponse, openApi().api));

  app.get('/api/demo', pub, async (req) => respond(req, demoResponse, { status: demo.status, error: demo.error, ...(demo.note ? { note: demo.note } : {}), stages: [...demo.stages.values()] }));

  await app.register(webRoutes, { dist: deps.webDist });

  return app;
}

/** The app's version (package.json), the documents' `info.version`. */
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/** Two modules' transition hooks, in order (a throw in either undoes the transition). */
const bothHooks = (a: TransitionHook, b: TransitionHook): TransitionHook => async (tx, e) => {
  await a(tx, e);
  await b(tx, e);
};
