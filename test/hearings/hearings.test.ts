/**
 * Hearings, meetings and notifications through the API, on a clock the test moves: the plan
 * goes to hearing with the calendar's deadline for the LBR and the region; members comment by
 * section and see each other's comments; the chair drafts (versioned, stale saves refused);
 * the rules of procedure send adoption to a meeting, whose decision adopts the response into
 * the plan; approval waits for the deadline (and, when required, for every response); a late
 * response is accepted and marked; mails go out over SMTP as each user chose; the public
 * sees neither unpublished agendas nor closed items; everything is in the audit log. It runs in
 * 2013, under the 2007–2014 rules; test/eras has who is heard and when from 2015.
 */
import type { FastifyInstance } from 'fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { createDocument, ensureHistoricalGoals, newDocumentContent, type PlanContent } from '../../src/documents/index.js';
import { digestBoundary } from '../../src/notifications/index.js';
import { accessServer, call, loginAs, loginWith, type Login } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { cast, lbrMembers, seatCouncil, TEST_PASSWORD } from '../support/factories.js';
import { completePlan } from '../support/plans.js';


describe.each(backends)('hearings and meetings on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let sink: SMTPServer;
  const mails: ParsedMail[] = [];
  const clock = { t: new Date('2013-06-25T08:00:00Z'), now() { return this.t; } };
  let editor: Login, chair: Login, rita: Login, dorte: Login, region: Login, reader: Login;
  let planId = 0, hearingId = 0, meetingId = 0;
  const to = (m: ParsedMail) => (m.to && 'text' in m.to ? m.to.text : '');

  beforeAll(async () => {
    db = await createTestDb(kind);
    sink = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], onData: (s, _x, done) => void simpleParser(s).then((m) => { mails.push(m); done(); }, done) });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
    app = await accessServer(db, { SMTP_URL: `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}`, PUBLIC_URL: 'https://styr.example.dk' }, clock);
    await ensureHistoricalGoals(db.db);
    await seatCouncil(db.db, 'LBR-J101', lbrMembers, { from: '2010-01-01', to: '2014-12-31' });
    // Everyone mails at once, except Dorte, who reads a daily digest.
    await db.db.updateTable('app_user').set({ notify: 'immediate' }).execute();
    await db.db.updateTable('app_user').set({ notify: 'daily' }).where('email', '=', 'raad2@test.styringshjulet.dk').execute();
    const actor = { id: null, label: 'test' };
    planId = (await createDocument(db.db, actor, { kind: 'employment_plan', area: 'J101', year: 2014, content: completePlan((await newDocumentContent(db.db, 'employment_plan', 2014)) as PlanContent, 10, { citizenStrategy: 'Tidlig indsats.\n\nMentorer til de unge.' }) })).id;
    editor = await loginAs(app, 'jobcenter_editor');
    region = await loginAs(app, 'regional_monitor');
    reader = await loginAs(app, 'jobcenter_reader');
    chair = await loginWith(app, 'formand@test.styringshjulet.dk', TEST_PASSWORD);
    rita = await loginWith(app, 'raad@test.styringshjulet.dk', TEST_PASSWORD);
    dorte = await loginWith(app, 'raad2@test.styringshjulet.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await new Promise<void>((r) => sink?.close(() => r()));
    await db?.close();
  });

  const hearing = async (as: Login) => (await call(app, 'GET', `/api/documents/${planId}/hearing`, as)).json().hearing;
  const doc = async () => (await call(app, 'GET', `/api/documents/${planId}`, editor)).json();

  it('opens a hearing on the version sent, for the LBR and the region, with the calendar’s deadline, and mails them', async () => {
    const d = await doc();
    const res = await call(app, 'POST', `/api/documents/${planId}/transitions`, editor, { revision: d.document.revision, action: 'send_to_hearing' });
    expect(res.json()).toMatchObject({ state: 'in_hearing' });
    const h = await hearing(editor);
    hearingId = h.id;
    expect(h).toMatchObject({ revision: d.document.revision + 1, deadline: '2013-08-31', ended: false, require_all: false });
    expect(h.bodies.map((b: { code: string; state: string }) => `${b.code}:${b.state}`).sort()).toEqual(['B1:none', 'LBR-J101:none']);
    await expect.poll(() => mails.length).toBe(3);
    expect(mails.map(to).sort()).toEqual(['formand@test.styringshjulet.dk', 'raad@test.styringshjulet.dk', 'region@test.styringshjulet.dk']);
    const m = mails.find((x) => to(x) === 'raad@test.styringshjulet.dk')!;
    expect(m.subject).toBe('Styringshjulet: Høring: Beskæftigelsesplan 2014 for København');
    expect(m.text).toContain('Fristen for høringssvar er 31.08.2013.');
    expect(m.text).toContain(`https://styr.example.dk/dokumenter/${planId}/hoering`);
    // Each sees the hearing with the bodies they sit on or run: the members and the jobcenter (the LBR's secretariat) the LBR, the region its own.
    const open = async (as: Login) => (await call(app, 'GET', '/api/hearings', as)).json().map((x: { id: number; bodies: { code: string }[] }) => [x.id, x.bodies.map((b) => b.code)]);
    expect(await open(rita)).toEqual([[hearingId, ['LBR-J101']]]);
    expect(await open(editor)).toEqual([[hearingId, ['LBR-J101']]]);
    expect(await open(region)).toEqual([[hearingId, ['B1']]]);
    expect(await open(reader)).toEqual([]);
    // Dorte chose the daily digest: nothing yet, but it waits in the app.
    expect(mails.some((x) => to(x) === 'raad2@test.styringshjulet.dk')).toBe(false);
    expect((await call(app, 'GET', '/api/notifications', dorte)).json()).toMatchObject({ mode: 'daily', unread: 1 });
  });

  it('lets members comment on sections and paragraphs and see each other’s comments; others may not', async () => {
    expect((await call(app, 'POST', `/api/hearings/${hearingId}/comments`, rita, { section: 'citizen.strategy', paragraph: 1, text: 'Mentorerne skal også gælde voksne.' })).statusCode).toBe(201);
    expect((await call(app, 'POST', `/api/hearings/${hearingId}/comments`, dorte, { section: 'business.strategy', paragraph: 0, text: 'Virksomhederne vil gerne tage flere i praktik.' })).statusCode).toBe(201);
    const seen = (await hearing(dorte)).comments.map((c: { section: string; paragraph: number; author: string; mine: boolean }) => [c.section, c.paragraph, c.author, c.mine]);
    expect(seen).toEqual([['citizen.strategy', 1, cast.member.name, false], ['business.strategy', 0, cast.member2.name, true]]);
    const bad = await call(app, 'POST', `/api/hearings/${hearingId}/comments`, rita, { section: 'nowhere', text: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'section', message: 'Feltet section: afsnittet "nowhere" findes ikke i dokumentet.' });
    expect((await call(app, 'POST', `/api/hearings/${hearingId}/comments`, reader, { section: 'general', text: 'x' })).statusCode).toBe(403);
    expect((await call(app, 'GET', `/api/documents/${planId}/hearing`)).statusCode).toBe(401);
    const sections = (await hearing(rita)).sections.find((s: { path: string }) => s.path === 'citizen.strategy');
    expect(sections.paragraphs).toEqual(['Tidlig indsats.', 'Mentorer til de unge.']);
  });

  it('shows the heard version’s targets with their live status, and a member comments on a target', async () => {
    const h = await hearing(rita);
    const targets = h.sections.filter((s: { kind: string }) => s.kind === 'target');
    // The complete plan has one target under each ministerial goal (test/support/plans.ts).
    expect(targets.length).toBeGreaterThan(0);
    const first = targets[0];
    expect(first.path).toBe('goals.0.targets.0');
    expect(first.title).toMatch(/^Mål: /);
    expect(first.target.evaluation.status).toMatch(/^(met|missed|on_track|at_risk|off_track|no_data)$/);
    // The same live status as the document page shows for the target.
    const live = (await doc()).targets.find((t: { path: string }) => t.path === first.path);
    expect(first.target.evaluation).toEqual(live.evaluation);
    // A target's section sits right after its goal's strategy.
    const paths = h.sections.map((s: { path: string }) => s.path);
    expect(paths.indexOf('goals.0.targets.0')).toBe(paths.indexOf('goals.0.strategy') + 1);
    const res = await call(app, 'POST', `/api/hearings/${hearingId}/comments`, rita, { section: first.path, text: 'Målet er for lidt ambitiøst.' });
    expect(res.statusCode).toBe(201);
    expect((await hearing(dorte)).comments.filter((c: { section: string }) => c.section === first.path).map((c: { text: string }) => c.text)).toEqual(['Målet er for lidt ambitiøst.']);
  });

  it('refuses the direct comments route while the hearing runs: the hearing is the formal path', async () => {
    const d = await doc();
    const res = await call(app, 'PUT', `/api/documents/${planId}/comments`, rita, { revision: d.document.revision, text: 'Uden om høringen.' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('hearing_running');
    expect((await doc()).document.revision).toBe(d.document.revision);
  });

  it('versions the chair’s draft, refuses a stale save, and sends adoption to a meeting as the rules say', async () => {
    const put = (as: Login, revision: number, text: string) => call(app, 'PUT', `/api/hearings/${hearingId}/responses/LBR-J101`, as, { revision, text });
    expect((await put(chair, 0, 'LBR bakker op om planen.')).json()).toMatchObject({ revision: 1, state: 'draft' });
    expect((await put(rita, 1, 'LBR bakker op om planen, men ønsker mentorer til voksne.')).json()).toMatchObject({ revision: 2 });
    const stale = await put(chair, 1, 'Min ældre tekst');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('raad@test.styringshjulet.dk');
    const adopt = await call(app, 'POST', `/api/hearings/${hearingId}/responses/LBR-J101/adopt`, chair, { revision: 2 });
    expect(adopt.statusCode).toBe(403);
    expect(adopt.json().error.message).toContain('på et møde');
    const versions = (await call(app, 'GET', `/api/hearings/${hearingId}/responses/LBR-J101/versions`, chair)).json();
    expect(versions.map((v: { revision: number; actor: string }) => `${v.revision}:${v.actor}`)).toEqual(['2:raad@test.styringshjulet.dk', '1:formand@test.styringshjulet.dk']);
  });

  it('refuses the approval while the hearing runs', async () => {
    const res = await call(app, 'POST', `/api/documents/${planId}/transitions`, editor, { revision: (await doc()).document.revision, action: 'approve', approval: { date: '2013-08-20', decision: 'Godkendt' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Høringen løber til og med 31.08.2013, og Det Lokale Beskæftigelsesråd, København og Beskæftigelsesregion Hovedstaden & Sjælland har endnu ikke vedtaget sit høringssvar. Dokumentet kan godkendes, når alle høringsparter har svaret, eller når fristen er udløbet.');
  });

  it('adopts the response by a meeting decision, into the plan’s comments; the public sees only published, open items', async () => {
    const created = await call(app, 'POST', '/api/councils/LBR-J101/meetings', editor, {
      title: 'Ekstraordinært møde', starts_at: '2013-08-20T16:00', place: 'Rådhuset',
      items: [{ title: 'Høringssvar til beskæftigelsesplanen 2014', hearing: { hearing_id: hearingId, body: 'LBR-J101' } }, { title: 'Personsag', text: 'Fortroligt', closed: true }],
    });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    meetingId = m.id;
    expect(m.starts_at).toBe('2013-08-20T14:00:00.000Z');
    expect((await call(app, 'GET', `/api/meetings/${meetingId}`)).statusCode).toBe(404);
    const before = mails.length;
    const pub = await call(app, 'POST', `/api/meetings/${meetingId}/publish`, editor, { revision: m.revision, what: 'agenda' });
    expect(pub.statusCode).toBe(200);
    await expect.poll(() => mails.filter((x) => x.subject?.startsWith('Styringshjulet: Dagsorden')).length).toBe(3);
    expect(mails.slice(before).map(to).sort()).toEqual(['formand@test.styringshjulet.dk', 'raad@test.styringshjulet.dk', 'redaktoer@test.styringshjulet.dk']);
    const items = pub.json().items;
    items[0].decision = 'Rådet vedtog høringssvaret med en tilføjelse om voksne.';
    // The meeting amends the draft; the amended text is what it adopts.
    items[0].hearing.response = 'LBR bakker op om planen, men ønsker mentorer til voksne og de unge.';
    const save = (revision: number, list = items, minutes = '') => call(app, 'PUT', `/api/meetings/${meetingId}`, editor, { revision, title: m.title, starts_at: m.starts_at, place: m.place, items: list, minutes });
    // Before the meeting is held (the clock says 25 June), nothing can be decided or minuted.
    const early = await save(pub.json().revision);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'not_held', field: 'items.0.decision', message: 'Feltet items.0.decision: Mødet holdes 20.08.2013. Beslutninger kan først registreres på mødedagen eller derefter.' });
    const minutesEarly = await save(pub.json().revision, pub.json().items, 'Mødet blev holdt.');
    expect(minutesEarly.json().error).toMatchObject({ code: 'not_held', field: 'minutes' });
    const publishEarly = await call(app, 'POST', `/api/meetings/${meetingId}/publish`, editor, { revision: pub.json().revision, what: 'minutes' });
    expect(publishEarly.json().error).toMatchObject({ code: 'not_held', message: 'Mødet holdes 20.08.2013: referatet kan først offentliggøres, når mødet er holdt.' });
    expect((await hearing(editor)).bodies.find((b: { code: string }) => b.code === 'LBR-J101').state).toBe('draft');
    clock.t = new Date('2013-08-20T15:00:00Z');
    const saved = await save(pub.json().revision);
    expect(saved.statusCode).toBe(200);
    const body = (await hearing(editor)).bodies.find((b: { code: string }) => b.code === 'LBR-J101');
    expect(body).toMatchObject({ state: 'adopted', late: false, adopted_by: 'Det Lokale Beskæftigelsesråd, København, møde 20.08.2013, punkt 1', meeting_id: meetingId, response: 'LBR bakker op om planen, men ønsker mentorer til voksne og de unge.' });
    const versions = (await call(app, 'GET', `/api/hearings/${hearingId}/responses/LBR-J101/versions`, editor)).json();
    expect(versions.map((v: { revision: number; event: string; actor: string }) => `${v.revision}:${v.event}:${v.actor}`)).toEqual(['4:adopt:redaktoer@test.styringshjulet.dk', '3:amend:redaktoer@test.styringshjulet.dk', '2:draft:raad@test.styringshjulet.dk', '1:draft:formand@test.styringshjulet.dk']);
    const comments = (await doc()).document.content.comments;
    expect(comments.lbr).toBe('Høringssvar fra Det Lokale Beskæftigelsesråd, København, vedtaget 20.8.2013 (Det Lokale Beskæftigelsesråd, København, møde 20.08.2013, punkt 1).\n\nLBR bakker op om planen, men ønsker mentorer til voksne og de unge.');
    // The item keeps the text it adopted, and the minutes print it with the decision.
    expect(saved.json().items[0].hearing).toMatchObject({ body: 'LBR-J101', response: 'LBR bakker op om planen, men ønsker mentorer til voksne og de unge.' });
    const minutes = (await call(app, 'GET', `/api/meetings/${meetingId}/html?what=minutes`, editor)).body;
    expect(minutes).toContain('<h3>Det vedtagne høringssvar</h3><p>LBR bakker op om planen, men ønsker mentorer til voksne og de unge.</p>');
    const pub1 = (await call(app, 'GET', `/api/meetings/${meetingId}`)).json();
    expect(pub1.items.map((i: { title: string; decision: string }) => [i.title, i.decision])).toEqual([['Høringssvar til beskæftigelsesplanen 2014', '']]);
    await call(app, 'POST', `/api/meetings/${meetingId}/publish`, editor, { revision: saved.json().revision, what: 'minutes' });
    expect((await call(app, 'GET', `/api/meetings/${meetingId}`)).json().items).toMatchObject([{ decision: 'Rådet vedtog høringssvaret med en tilføjelse om voksne.' }]);
  });

  it('hears a region’s implementation plan by its RBR', async () => {
    const target = { title: 'Færre langtidsledige', indicator: null, baseline: null, goal: null, deadline: null };
    const d = await createDocument(db.db, { id: null, label: 'test' }, { kind: 'implementation_plan', area: 'B1', year: 2014, content: { goals: [{ title: 'Langtidsledighed', implementation: 'Temadage.', targets: [target] }], comments: { lbr: '', region: '' } } });
    const res = await call(app, 'POST', `/api/documents/${d.id}/transitions`, region, { revision: 1, action: 'send_to_hearing' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(app, 'GET', `/api/documents/${d.id}/hearing`, region)).json().hearing.bodies.map((b: { code: string }) => b.code)).toEqual(['RBR-B1']);
  });

  it('keeps a closed item’s file from the public and prints the minutes with the decisions', async () => {
    const m = (await call(app, 'GET', `/api/meetings/${meetingId}`, editor)).json();
    const up = (name: string, text: string) => call(app, 'POST', `/api/meetings/${meetingId}/files`, editor, { name, mime: 'text/plain', data: Buffer.from(text).toString('base64') });
    const open = (await up('bilag.txt', 'Åbent bilag')).json(), closed = (await up('fortroligt.txt', 'Lukket bilag')).json();
    expect((await up('tom.txt', '')).json().error).toMatchObject({ field: 'data', message: 'Filen tom.txt er tom.' });
    m.items[0].attachments = [{ kind: 'file', file_id: open.id, name: open.name }];
    m.items[1].attachments = [{ kind: 'file', file_id: closed.id, name: closed.name }];
    const saved = await call(app, 'PUT', `/api/meetings/${meetingId}`, editor, { ...m });
    expect(saved.statusCode).toBe(200);
    // The published minutes are the record: a decision cannot be changed afterwards.
    const changed = saved.json();
    changed.items[0].decision = 'Noget andet.';
    const refused = await call(app, 'PUT', `/api/meetings/${meetingId}`, editor, changed);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Referatet er offentliggjort: referatet, beslutningerne og de lukkede punkter kan ikke længere ændres.');
    const file = (id: number, as?: Login) => call(app, 'GET', `/api/meetings/${meetingId}/files/${id}`, as);
    expect((await file(open.id)).body).toBe('Åbent bilag');
    expect((await file(closed.id)).statusCode).toBe(404);
    expect((await file(closed.id, rita)).body).toBe('Lukket bilag');
    const html = (await call(app, 'GET', `/api/meetings/${meetingId}/html?what=minutes`)).body;
    expect(html).toContain('Referat – dagsorden med vedtagelser');
    expect(html).toContain('Rådet vedtog høringssvaret med en tilføjelse om voksne.');
    expect(html).not.toContain('Personsag');
    if (process.env.CHROMIUM_PATH) {
      const pdf = await call(app, 'GET', `/api/meetings/${meetingId}/pdf?what=minutes`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('accepts the region’s response after the deadline, marked late; then approval goes through and goes to the RBR', async () => {
    clock.t = new Date('2013-09-02T08:00:00Z');
    await call(app, 'PUT', `/api/hearings/${hearingId}/responses/B1`, region, { revision: 0, text: 'Regionen har ingen bemærkninger.' });
    const adopted = await call(app, 'POST', `/api/hearings/${hearingId}/responses/B1/adopt`, region, { revision: 1 });
    expect(adopted.json()).toMatchObject({ state: 'adopted', late: true });
    expect((await doc()).document.content.comments.region).toContain('Modtaget efter fristen 31.08.2013.');
    const before = mails.length;
    const res = await call(app, 'POST', `/api/documents/${planId}/transitions`, editor, { revision: (await doc()).document.revision, action: 'approve', approval: { date: '2013-09-02', decision: 'Godkendt' } });
    expect(res.statusCode).toBe(200);
    expect((await hearing(editor)).closed_at).not.toBeNull();
    await expect.poll(() => mails.slice(before).filter((m) => m.subject === 'Styringshjulet: Beskæftigelsesplan 2014 for København er godkendt').map(to)).toEqual(['region@test.styringshjulet.dk']);
  });

  it('with require_all, waits for every response after the deadline', async () => {
    const actor = { id: null, label: 'test' };
    const id = (await createDocument(db.db, actor, { kind: 'employment_plan', area: 'J101', year: 2015, content: completePlan((await newDocumentContent(db.db, 'employment_plan', 2015)) as PlanContent) })).id;
    const bad = await call(app, 'POST', `/api/documents/${id}/transitions`, editor, { revision: 1, action: 'send_to_hearing', hearing: { deadline: '2013-09-01' } });
    expect(bad.json().error).toMatchObject({ field: 'hearing.deadline', message: 'Høringen, feltet hearing.deadline: fristen 01.09.2013 er overskredet.' });
    await call(app, 'POST', `/api/documents/${id}/transitions`, editor, { revision: 1, action: 'send_to_hearing', hearing: { deadline: '2013-09-10', require_all: true, bodies: ['LBR-J101'] } });
    clock.t = new Date('2013-09-11T08:00:00Z');
    const res = await call(app, 'POST', `/api/documents/${id}/transitions`, editor, { revision: 2, action: 'approve', approval: { date: '2013-09-11', decision: 'Godkendt' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Høringssvaret mangler fra Det Lokale Beskæftigelsesråd, København. Denne høring kræver alle svar før godkendelsen.');
  });

  it('approves at once when every consulted body has adopted its response, before the deadline', async () => {
    const id = (await createDocument(db.db, { id: null, label: 'test' }, { kind: 'employment_plan', area: 'J101', year: 2016, content: completePlan((await newDocumentContent(db.db, 'employment_plan', 2016)) as PlanContent) })).id;
    await call(app, 'POST', `/api/documents/${id}/transitions`, editor, { revision: 1, action: 'send_to_hearing', hearing: { deadline: '2013-09-30', bodies: ['B1'] } });
    const approve = () => call(app, 'POST', `/api/documents/${id}/transitions`, editor, { revision: 2, action: 'approve', approval: { date: '2013-09-11', decision: 'Godkendt' } });
    const early = await approve();
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Høringen løber til og med 30.09.2013, og Beskæftigelsesregion Hovedstaden & Sjælland har endnu ikke vedtaget sit høringssvar. Dokumentet kan godkendes, når alle høringsparter har svaret, eller når fristen er udløbet.');
    const h = (await call(app, 'GET', `/api/documents/${id}/hearing`, region)).json().hearing;
    await call(app, 'PUT', `/api/hearings/${h.id}/responses/B1`, region, { revision: 0, text: 'Regionen støtter planen.' });
    expect((await call(app, 'POST', `/api/hearings/${h.id}/responses/B1/adopt`, region, { revision: 1 })).json()).toMatchObject({ state: 'adopted', late: false });
    const res = await call(app, 'POST', `/api/documents/${id}/transitions`, editor, { revision: 3, action: 'approve', approval: { date: '2013-09-11', decision: 'Godkendt' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'approved' });
  });

  it('mails Dorte digests only: one a day, holding what came before 7 o’clock, never twice; and logs every step', async () => {
    expect(digestBoundary(new Date('2013-09-11T06:30:00Z'), 'daily').toISOString()).toBe('2013-09-11T05:00:00.000Z');
    expect(digestBoundary(new Date('2013-09-11T04:30:00Z'), 'weekly').toISOString()).toBe('2013-09-09T05:00:00.000Z');
    clock.t = new Date('2013-09-12T06:00:00Z');
    await app.notifications.tick();
    const hers = () => mails.filter((m) => to(m) === 'raad2@test.styringshjulet.dk');
    // The clock jumped June → August → September: one digest on each of those days.
    await expect.poll(() => hers().length).toBe(3);
    expect(hers().every((m) => /^Styringshjulet: \d+ (ny notifikation|nye notifikationer) \(daglig oversigt\)$/.test(m.subject ?? ''))).toBe(true);
    const all = hers().map((m) => m.text).join('\n');
    expect(all).toContain('Høring: Beskæftigelsesplan 2014 for København');
    expect(all).toContain('Ny kommentar i høringen: Beskæftigelsesplan 2014 for København');
    expect(all).toContain('Dagsorden: Det Lokale Beskæftigelsesråd, København');
    await app.notifications.tick();
    expect(hers().length).toBe(3);
    const actions = (await db.db.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    for (const a of ['hearing.open', 'hearing.comment', 'hearing.response_draft', 'hearing.response_adopt', 'hearing.close', 'meeting.created', 'meeting.publish_agenda', 'meeting.saved', 'meeting.publish_minutes', 'document.hearing_response']) expect(actions).toContain(a);
  });
});
