/** Councils under /api: the list, a council with its members and composition check, member changes. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseOr400, permit, sendErrors, type User } from '../access/index.js';
import { danishDate, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { DocumentState } from '../documents/shared.js';
import { respond } from '../server/shared.js';
import { eraOfCouncil, laterCouncil } from '../eras/index.js';
import { areaById } from '../reference/index.js';
import { checkComposition, checkDate, compositionFor, councilTypeNames, rulesApplied, seatNames } from './composition.js';
import { addMember, councilAccess, CouncilError, findCouncil, isDouble, listCouncils, ownArea, listMembers, memberSchema, updateMember, type Council } from './members.js';
import { councilResponse, councilsResponse, memberResponse, removedResponse } from './responses.js';

const municipalityName = (code: number) => areaById.get(`K${code}`)?.name ?? String(code);

/** A member's office as the API names it (stored through memberSchema's enum). */
const office = (o: string | null) => (o === 'chair' || o === 'deputy_chair' ? o : null);
const withOffice = <M extends { office: string | null }>(m: M): Omit<M, 'office'> & { office: ReturnType<typeof office> } => ({ ...m, office: office(m.office) });

const actorOf = (u: User) => ({ id: u.id, label: u.email });

export async function councilRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const { db } = opts;
  sendErrors(app);
  const today = () => danishDate(opts.clock.now());

  const councilOf = async (req: FastifyRequest): Promise<Council> => {
    const { code } = parseOr400(z.object({ code: z.string().toUpperCase() }).passthrough(), req.params);
    const c = await findCouncil(db, code);
    if (!c) throw new CouncilError(404, 'not_found', `Rådet ${code} findes ikke.`);
    return c;
  };
  const managed = async (req: FastifyRequest) => {
    const c = await councilOf(req);
    const a = await councilAccess(db, req.principal.user, c, today());
    if (!a.secretariat) throw new CouncilError(403, 'forbidden', `Kun ${c.name}s sekretariat kan ændre medlemmerne.`);
    return c;
  };

  app.get('/councils', permit('councils.read'), async (req) => {
    const q = parseOr400(z.object({ type: z.string().toUpperCase().optional(), area: z.string().toUpperCase().optional() }), req.query);
    return respond(req, councilsResponse, (await listCouncils(db)).filter((c) => (!q.type || c.type === q.type) && (!q.area || c.area === q.area)).map((c) => ({ ...c, type_name: councilTypeNames[c.type] })));
  });

  app.get('/councils/:code', permit('councils.read'), async (req) => {
    const c = await councilOf(req);
    const asked = parseOr400(z.object({ date: z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD').optional() }), req.query).date;
    const access = await councilAccess(db, req.principal.user, c, today());
    const members = await listMembers(db, c.id);
    const era = eraOfCouncil(c.code);
    const on = checkDate(c.type, asked ?? today());
    const rules = compositionFor(c.type, on, isDouble(c), era);
    const covers = laterCouncil(c.code)?.municipalities.map((k) => municipalityName(k)) ?? [];
    const filed = ownArea(c);
    const rulesDoc = filed ? await db.selectFrom('document').select(['id', 'year', 'state']).where('kind', '=', 'rules_of_procedure').where('area', '=', filed).orderBy('year', 'desc').$narrowType<{ state: DocumentState }>().execute() : [];
    const insider = access.member || access.secretariat;
    return respond(req, councilResponse, {
      ...c,
      type_name: councilTypeNames[c.type],
      date: on,
      era: { id: era.id, name: era.name, law: era.law },
      covers,
      access,
      composition: rules ? {
        from: rules.from,
        outside_period: rules.outside_period,
        applied: rulesApplied(rules, on),
        to: rules.to,
        source: rules.source,
        chair: rules.chair,
        substitutes: rules.substitutes,
        seats: (rules.seats ?? []).map((s) => ({ ...s, name: seatNames[s.seat] ?? s.seat, have: members.filter((m) => m.seat === s.seat && m.term_from <= on && (m.term_to === null || on <= m.term_to)).length })),
      } : null,
      problems: rules ? checkComposition(rules, members, on) : [{ kind: 'rules', message: `Der er ingen regler for et ${councilTypeNames[c.type].toLowerCase()} ${on}.` }],
      members: members.map((m) => ({ ...withOffice(m), seat_name: seatNames[m.seat] ?? m.seat, email: insider ? m.email : null, substitute_email: insider ? m.substitute_email : null })),
      seats: Object.entries(seatNames).map(([id, name]) => ({ id, name })),
      rules_of_procedure: rulesDoc.filter((d) => insider || d.state === 'published'),
    });
  });

  app.post('/councils/:code/members', permit('councils.manage'), async (req, reply) => {
    const c = await managed(req);
    return reply.code(201).send(respond(req, memberResponse, withOffice(await addMember(db, actorOf(req.principal.user!), c, parseOr400(memberSchema, req.body, 'Medlemmet')))));
  });

  app.put('/councils/:code/members/:id', permit('councils.manage'), async (req) => {
    const c = await managed(req);
    const { id } = parseOr400(z.object({ id: z.coerce.number().int().min(1) }).passthrough(), req.params);
    const body = parseOr400(z.object({ version: z.number().int().min(1) }).passthrough(), req.body, 'Medlemmet');
    // With a member to save, updateMember answers the stored row (null only for a removal).
    return respond(req, memberResponse, withOffice((await updateMember(db, actorOf(req.principal.user!), c, id, body.version, parseOr400(memberSchema, req.body, 'Medlemmet')))!));
  });

  app.delete('/councils/:code/members/:id', permit('councils.manage'), async (req) => {
    const c = await managed(req);
    const { id } = parseOr400(z.object({ id: z.coerce.number().int().min(1) }).passthrough(), req.params);
    const { version } = parseOr400(z.object({ version: z.coerce.number().int().min(1) }), req.query);
    await updateMember(db, actorOf(req.principal.user!), c, id, version, null);
    return respond(req, removedResponse, { removed: true });
  });
}
