/** The LBRs' grant frames under /api: public to read (the state's money), set by national administrators. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseOr400, permit, sendErrors } from '../access/index.js';
import type { Clock } from '../clock.js';
import { findCouncil, type Council } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { DocumentError } from '../documents/index.js';
import { respond } from '../server/shared.js';
import { frameSchema, listFrames, setFrame } from './grants.js';
import { frameResponse, framesResponse } from './responses.js';

export async function grantRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const { db } = opts;
  sendErrors(app);

  /** The LBR the request names (only LBRs have grants). */
  const lbrOf = async (req: FastifyRequest): Promise<Council> => {
    const { code } = parseOr400(z.object({ code: z.string().toUpperCase() }).passthrough(), req.params);
    const c = await findCouncil(db, code);
    if (!c) throw new DocumentError(404, 'not_found', `Rådet ${code} findes ikke.`);
    if (c.type !== 'LBR') throw new DocumentError(400, 'invalid_field', `${c.name} får ikke LBR-midler; kun de lokale beskæftigelsesråd gør.`, { field: 'code' });
    return c;
  };

  app.get('/councils/:code/grants', permit('councils.read'), async (req) => {
    const c = await lbrOf(req);
    return respond(req, framesResponse, { council: { code: c.code, name: c.name, area: c.area }, frames: await listFrames(db, c.id) });
  });

  app.put('/councils/:code/grants/:year', permit('grants.manage'), async (req) => {
    const c = await lbrOf(req);
    const { year } = parseOr400(z.object({ year: z.coerce.number().int().min(2000, 'året skal være 2000 eller senere').max(2100) }).passthrough(), req.params);
    const body = parseOr400(frameSchema, req.body, 'Rammen');
    const u = req.principal.user!;
    return respond(req, frameResponse, await setFrame(db, { id: u.id, label: u.email }, c.id, year, body, opts.clock.now()));
  });
}
