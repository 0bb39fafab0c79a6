/**
 * CORS for the public, read-only /v3: a browser dashboard on another site may read its GET
 * answers (errors too, so it can show them), and its preflight (OPTIONS) is answered 204 with
 * GET and the headers a v3 client sends. No credentials: /v3 takes an API key in the
 * Authorization header, never the app's cookie. Register inside the /v3 plugin, before the
 * statistics bank's routes, so the hook covers them; /api gets none of this.
 */
import type { FastifyInstance } from 'fastify';
import { permit } from '../access/index.js';

export function publicReadCors(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      reply.header('Access-Control-Allow-Origin', '*');
      reply.header('Access-Control-Expose-Headers', 'X-Release, Content-Disposition, Retry-After');
    }
    return payload;
  });
  app.options('/*', permit('statistics.read'), (_req, reply) =>
    reply
      .code(204)
      .header('Access-Control-Allow-Origin', '*')
      .header('Access-Control-Allow-Methods', 'GET')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .header('Access-Control-Max-Age', '86400')
      .send(),
  );
}
