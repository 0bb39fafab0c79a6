/**
 * The access matrix: every route of the server × every actor (the five roles and the
 * public), against the table in src/access/policy.ts. Allowed means the guard let the
 * request through (any status but 401/403); denied means 401 for the public and 403 for
 * a logged-in user. Then what the public sees of councils' material: no closed agenda items,
 * no unpublished agendas or minutes, no drafts, no hearings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, roles, scopeOf } from '../../src/access/index.js';
import { createDocument } from '../../src/documents/index.js';
import type { Db } from '../../src/db/index.js';
import { backends, createTestDb } from '../support/db.js';
import { cast, createMeeting, seatCouncil } from '../support/factories.js';
import { accessServer, call, loginAs } from './helpers.js';

/**
 * The matrix as reviewed by people, independent of policy.ts: who may use each route.
 * A new route must be added here (the test fails otherwise). The app's pages (/login,
 * /brugere, …) are the same public shell; the API calls behind them are what is guarded.
 */
const ALL = 'national_admin regional_monitor jobcenter_editor jobcenter_reader council_member public';
const LOGGED_IN = 'national_admin regional_monitor jobcenter_editor jobcenter_reader council_member';
/** Councils' secretariats and members (the server then checks the council: its secretariat, chair or members). */
const SECRETARIAT = 'national_admin regional_monitor jobcenter_editor council_member';
const reviewed: Record<string, string> = {
  'GET /': ALL,
  'GET /api/health': ALL,
  'GET /api/demo': ALL,
  'GET /assets/*': ALL,
  'GET /login': ALL,
  'GET /brugere': ALL,
  'GET /invitation/:token': ALL,
  'GET /statistik': ALL,
  'GET /statistik/:table': ALL,
  'GET /api/profile/:area': ALL,
  'GET /api/areas': ALL,
  'GET /omraade/:area': ALL,
  'GET /aendringslog': ALL,
  'GET /benchmark': ALL,
  'GET /benchmark/:id': ALL,
  'GET /resultatproblemer': ALL,
  'GET /api/releases': ALL,
  'GET /v3/subjects': ALL,
  'GET /v3/tables': ALL,
  'GET /v3/table/:id': ALL,
  'GET /v3/data/:id': ALL,
  'GET /api/session': ALL,
  'POST /api/session': ALL,
  'POST /api/invitations/:token': ALL,
  'GET /api/oidc/login': ALL,
  'GET /api/oidc/callback': ALL,
  'DELETE /api/session': LOGGED_IN,
  'GET /api/organisations': LOGGED_IN,
  'GET /api/users': 'national_admin regional_monitor',
  'POST /api/users': 'national_admin',
  'PATCH /api/users/:id': 'national_admin',
  'GET /api/audit': 'national_admin regional_monitor',
  'GET /api/benchmark': ALL,
  'GET /api/benchmark/ranking': ALL,
  'GET /api/benchmark/jobcenters/:id': ALL,
  'GET /api/benchmark/problems': LOGGED_IN,
  'GET /dokumenter': ALL,
  'GET /dokumenter/:id': ALL,
  'GET /maal': ALL,
  'GET /ministermaal': ALL,
  'GET /api/goals': ALL,
  'PUT /api/goals/:year': 'national_admin',
  'GET /api/document-kinds': ALL,
  'GET /opfoelgning': ALL,
  'GET /opfoelgning/sager/:id': ALL,
  'GET /api/followup/quarters': 'national_admin regional_monitor',
  'POST /api/followup/reports': 'national_admin regional_monitor',
  'GET /api/followup/reports': 'national_admin regional_monitor',
  'POST /api/followup/analysis': 'national_admin regional_monitor',
  'GET /api/followup/plan-inputs': ALL,
  'GET /api/followup/cases': LOGGED_IN,
  'POST /api/followup/cases': 'national_admin regional_monitor',
  'GET /api/followup/cases/:id': LOGGED_IN,
  'POST /api/followup/cases/:id/steps': 'national_admin regional_monitor',
  'POST /api/followup/cases/:id/close': 'national_admin regional_monitor',
  'POST /api/followup/recommendations': 'national_admin jobcenter_editor council_member',
  'POST /api/followup/recommendations/:id/answer': 'national_admin regional_monitor',
  'GET /api/documents': ALL,
  'POST /api/documents': 'national_admin regional_monitor jobcenter_editor',
  'GET /api/documents/:id': ALL,
  'PUT /api/documents/:id': 'national_admin regional_monitor jobcenter_editor',
  'POST /api/documents/:id/transitions': 'national_admin regional_monitor jobcenter_editor',
  'PUT /api/documents/:id/comments': 'national_admin regional_monitor council_member',
  'POST /api/documents/:id/regenerate': 'national_admin regional_monitor jobcenter_editor',
  'GET /api/documents/:id/versions': ALL,
  'GET /api/documents/:id/diff': ALL,
  'GET /api/documents/:id/html': ALL,
  'GET /api/documents/:id/pdf': ALL,
  'GET /api/targets': ALL,
  'POST /api/audits/generate': 'national_admin',
  // Issue 6: hearings (logged in, checked per body on the server), councils, meetings, the yearly calendar, notifications.
  'GET /api/documents/:id/hearing': LOGGED_IN,
  'POST /api/hearings/:id/comments': LOGGED_IN,
  'DELETE /api/hearings/:id/comments/:comment': LOGGED_IN,
  'PUT /api/hearings/:id/responses/:code': LOGGED_IN,
  'POST /api/hearings/:id/responses/:code/adopt': LOGGED_IN,
  'GET /api/hearings/:id/responses/:code/versions': LOGGED_IN,
  'GET /api/hearings': LOGGED_IN,
  'GET /api/councils': ALL,
  'GET /api/councils/:code': ALL,
  'POST /api/councils/:code/members': SECRETARIAT,
  'PUT /api/councils/:code/members/:id': SECRETARIAT,
  'DELETE /api/councils/:code/members/:id': SECRETARIAT,
  'GET /api/councils/:code/meetings': ALL,
  'POST /api/councils/:code/meetings': SECRETARIAT,
  'GET /api/meetings/:id': ALL,
  'PUT /api/meetings/:id': SECRETARIAT,
  'POST /api/meetings/:id/publish': SECRETARIAT,
  'GET /api/meetings/:id/versions': SECRETARIAT,
  'POST /api/meetings/:id/files': SECRETARIAT,
  'GET /api/meetings/:id/files/:file': ALL,
  'GET /api/meetings/:id/html': ALL,
  'GET /api/meetings/:id/pdf': ALL,
  'GET /api/councils/:code/milestones': SECRETARIAT,
  'POST /api/councils/:code/milestones': SECRETARIAT,
  'DELETE /api/councils/:code/milestones/:id': SECRETARIAT,
  'GET /api/councils/:code/grants': ALL,
  'PUT /api/councils/:code/grants/:year': 'national_admin',
  'GET /api/grants/plans/:id/accounts': ALL,
  'GET /samarbejdsaftaler': ALL,
  'GET /samarbejdsaftaler/:id': ALL,
  'GET /api/cooperation': ALL,
  'POST /api/cooperation': 'national_admin jobcenter_editor',
  'GET /api/cooperation/:id': ALL,
  'PUT /api/cooperation/:id': 'national_admin jobcenter_editor',
  'POST /api/cooperation/:id/transitions': 'national_admin jobcenter_editor',
  'GET /api/cooperation/:id/versions': ALL,
  'POST /api/cooperation/:id/files': 'national_admin jobcenter_editor',
  'GET /api/cooperation/:id/files/:file': ALL,
  'GET /api/grants/plans/:id/accounts.xlsx': ALL,
  'GET /api/grants/plans/:id/accounts.pdf': ALL,
  'PUT /api/grants/plans/:id/accounts/:initiative': 'national_admin regional_monitor jobcenter_editor',
  'GET /api/calendar': ALL,
  'PUT /api/calendar/deadlines/:year': 'national_admin',
  'PUT /api/calendar/eras/:year': 'national_admin',
  'POST /api/calendar/steps': 'national_admin regional_monitor jobcenter_editor',
  'DELETE /api/calendar/steps': 'national_admin regional_monitor jobcenter_editor',
  'GET /api/calendar/feeds/organisations/:code.ics': ALL,
  'POST /api/calendar/feed-token': LOGGED_IN,
  'GET /api/calendar/feeds/me/:token.ics': ALL,
  'GET /api/notifications': LOGGED_IN,
  'POST /api/notifications/read': LOGGED_IN,
  'PUT /api/notifications/mode': LOGGED_IN,
  'GET /raad': ALL,
  'GET /raad/:code': ALL,
  'GET /raad/:code/moeder/:id': ALL,
  'GET /dokumenter/:id/hoering': ALL,
  'GET /aarshjul': ALL,
  'GET /notifikationer': ALL,
  // Issue 17: the OpenAPI documents, the API page and /v3's CORS preflight: public.
  'GET /api/openapi.json': ALL,
  'GET /v3/openapi.json': ALL,
  'OPTIONS /v3/*': ALL,
  'GET /api-dokumentation': ALL,
};

const params: Record<string, string> = { id: '1', token: 'x'.repeat(32) };
const concrete = (url: string) => url.replace(/:(\w+)/g, (_m, p: string) => params[p] ?? 'x').replace('*', 'x.js');

describe.each(backends)('access matrix on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.close());

  it('every route × every role is allowed or denied exactly as policy.ts says', async () => {
    // With OIDC configured, so its routes are in the table too (the provider is unreachable: a redirect back to login).
    const app = await accessServer(db, { OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'styr' });
    const routes = app.routeTable;
    // The server's own routes are all there, each with a declared permission.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([
      'GET /api/health', 'GET /v3/data/:id', 'POST /api/session', 'DELETE /api/session', 'GET /api/users', 'POST /api/users', 'PATCH /api/users/:id', 'GET /api/audit',
    ]));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(reviewed).sort());
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const actor of actors) {
      for (const r of routes) {
        // A fresh session per request: DELETE /api/session ends it.
        const as = actor === 'public' ? undefined : await loginAs(app, actor);
        const res = await call(app, r.method, concrete(r.url), as, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const got = res.statusCode === 401 || res.statusCode === 403 ? `deny ${res.statusCode}` : 'allow';
        outcomes.push(`${actor} ${r.method} ${r.url}: ${got}`);
        expect(scopeOf(actor, r.permission) !== null, `policy.ts vs the reviewed matrix: ${actor} ${r.method} ${r.url}`)
          .toBe((reviewed[`${r.method} ${r.url}`] ?? '').split(' ').includes(actor));
        expected.push(`${actor} ${r.method} ${r.url}: ${scopeOf(actor, r.permission) ? 'allow' : actor === 'public' ? 'deny 401' : 'deny 403'}`);
      }
    }
    expect(outcomes).toEqual(expected);
    // The table is not trivial: some routes are denied to some roles, and each role is allowed something.
    for (const role of roles) expect(outcomes.some((o) => o.startsWith(`${role} `) && o.endsWith('allow'))).toBe(true);
    expect(outcomes.filter((o) => o.includes('deny')).length).toBeGreaterThan(10);
    await app.close();
  });

  it('the public sees no closed agenda item, unpublished agenda or minutes, draft or hearing; members see them', async () => {
    const app = await accessServer(db);
    await seatCouncil(db.db, 'LBR-J101', [{ seat: 'LO', name: cast.member.name, email: cast.member.email }], { from: '2024-01-01' });
    const day = (d: string) => new Date(`${d}T14:00:00Z`);
    await createMeeting(db.db, 'LBR-J101', {
      startsAt: day('2026-09-15'), agendaPublishedAt: day('2026-09-07'), minutesPublishedAt: day('2026-09-18'),
      items: [
        { title: 'Godkendelse af dagsorden', decision: 'Godkendt.' },
        { title: 'Status på LBR-midlerne', decision: 'Taget til efterretning.' },
        { title: 'Ansøgning om LBR-midler fra en virksomhed', decision: 'Bevilget 150.000 kr.', closed: true },
      ],
    });
    await createMeeting(db.db, 'LBR-J101', {
      startsAt: day('2026-12-08'), agendaPublishedAt: day('2026-11-30'),
      items: [{ title: 'Godkendelse af dagsorden' }, { title: 'Analyserapporten fra RBR' }, { title: 'Personalesag i jobcentret', closed: true }],
    });
    const editor = await loginAs(app, 'jobcenter_editor');
    const member = await loginAs(app, 'council_member');
    const list = (await call(app, 'GET', '/api/councils/LBR-J101/meetings')).json().meetings as { id: number; minutes_published_at: string | null }[];
    const held = list.find((m) => m.minutes_published_at)!, next = list.find((m) => !m.minutes_published_at)!;
    const titles = async (id: number, as?: Awaited<ReturnType<typeof loginAs>>) => (await call(app, 'GET', `/api/meetings/${id}`, as)).json().items.map((i: { title: string; decision: string }) => `${i.title}|${i.decision}`);
    // Minutes published: open items with their decisions, the closed one not at all.
    expect(await titles(held.id)).toEqual(['Godkendelse af dagsorden|Godkendt.', 'Status på LBR-midlerne|Taget til efterretning.']);
    expect(await titles(held.id, member)).toContain('Ansøgning om LBR-midler fra en virksomhed|Bevilget 150.000 kr.');
    // Agenda published, minutes not: no closed item, no minutes (nor as HTML or PDF).
    expect(await titles(next.id)).toEqual(['Godkendelse af dagsorden|', 'Analyserapporten fra RBR|']);
    expect((await call(app, 'GET', `/api/meetings/${next.id}/html?what=minutes`)).statusCode).toBe(404);
    const agenda = (await call(app, 'GET', `/api/meetings/${next.id}/html?what=agenda`)).body;
    expect(agenda).toContain('Analyserapporten fra RBR');
    expect(agenda).not.toContain('Personalesag');
    // A meeting whose agenda is not published does not exist for the public.
    const draft = (await call(app, 'POST', '/api/councils/LBR-J101/meetings', editor, { title: 'Kommende møde', starts_at: '2027-03-01T16:00', place: 'Rådhuset', items: [{ title: 'Hemmeligt punkt' }] })).json();
    expect((await call(app, 'GET', `/api/meetings/${draft.id}`)).statusCode).toBe(404);
    expect((await call(app, 'GET', '/api/councils/LBR-J101/meetings')).json().meetings.map((m: { id: number }) => m.id)).not.toContain(draft.id);
    expect((await call(app, 'GET', `/api/meetings/${draft.id}`, member)).statusCode).toBe(200);
    // Drafts and hearings.
    const doc = await createDocument(db.db, { id: null, label: 'test' }, { kind: 'employment_plan', area: 'J101', year: 2030, content: {} });
    expect((await call(app, 'GET', `/api/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await call(app, 'GET', `/api/documents/${doc.id}/hearing`)).statusCode).toBe(401);
    expect((await call(app, 'GET', '/api/documents?area=J101')).json().map((d: { id: number }) => d.id)).not.toContain(doc.id);
    await app.close();
  });
});
