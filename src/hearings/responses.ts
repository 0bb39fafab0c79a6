/** The hearings API's answers (hearings.routes.ts), which the web app parses. Zod and the documents' door only. */
import { z } from 'zod';
import { auditContent, documentKinds, documentStates, targetViewSchema } from '../documents/shared.js';
import { day, instant } from '../server/shared.js';

export const responseStateSchema = z.enum(['none', 'draft', 'adopted']);
const kind = z.enum(documentKinds);

/** A consulted body's response as stored: its text, state and version. */
/** A jobcenter's answer on its LBR's grant plan: within the employment plan's frame or not. */
export const verdictSchema = z.enum(['within_frame', 'outside_frame'], 'vælg inden for eller uden for rammen');

const stored = {
  response: z.string(),
  state: responseStateSchema,
  revision: z.number(),
  adopted_at: instant.nullable(),
  adopted_by: z.string().nullable(),
  meeting_id: z.number().nullable(),
  /** Adopted after the deadline. */
  late: z.boolean(),
  verdict: verdictSchema.nullable(),
  updated_at: instant.nullable(),
  updated_by: z.string().nullable(),
};

/** GET /api/documents/:id/hearing: the document's newest hearing (null: never heard), as the user may take part in it. */
export const hearingResponse = z.object({
  hearing: z
    .object({
      id: z.number(),
      document: z.object({ id: z.number(), kind, area: z.string(), area_name: z.string(), year: z.number(), state: z.enum(documentStates), revision: z.number() }),
      /** The heard version. */
      revision: z.number(),
      deadline: day,
      require_all: z.boolean(),
      opened_at: instant,
      opened_by: z.string(),
      closed_at: instant.nullable(),
      ended: z.boolean(),
      today: day,
      bodies: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          kind: z.string(),
          state_name: z.string(),
          ...stored,
          may_comment: z.boolean(),
          may_draft: z.boolean(),
          may_adopt: z.boolean(),
          adopt_by: z.enum(['chair', 'region', 'jobcenter']).nullable(),
        }),
      ),
      /** The heard version by section; a target's section carries its live status. */
      sections: z.array(
        z.object({
          path: z.string(),
          title: z.string(),
          kind: z.enum(['text', 'target', 'figures']),
          paragraphs: z.array(z.string()),
          /** A target's measure, for the units of its status. */
          measure: z.string().optional(),
          target: targetViewSchema.nullable().optional(),
        }),
      ),
      /** A results audit's heard content, for its figures. */
      content: auditContent.optional(),
      comments: z.array(
        z.object({
          id: z.number(),
          section: z.string(),
          paragraph: z.number().nullable(),
          text: z.string(),
          author: z.string(),
          author_id: z.number().nullable(),
          created_at: instant,
          /** The body the author comments for: its code and name. */
          body: z.string(),
          body_name: z.string(),
          mine: z.boolean(),
        }),
      ),
    })
    .nullable(),
});

/** POST /api/hearings/:id/comments. */
export const commentResponse = z.object({ id: z.number() });
/** DELETE /api/hearings/:id/comments/:comment. */
export const withdrawnResponse = z.object({ withdrawn: z.literal(true) });
/** PUT /api/hearings/:id/responses/:code and POST …/adopt: the response as now stored. */
export const storedResponse = z.object(stored);
/** GET /api/hearings/:id/responses/:code/versions: newest first. */
export const responseVersionsResponse = z.array(z.object({ revision: z.number(), event: z.string(), state: z.string(), response: z.string(), actor: z.string(), created_at: instant }));

/** GET /api/hearings: open hearings the user's bodies are consulted on. */
export const openHearingsResponse = z.array(
  z.object({
    id: z.number(),
    document_id: z.number(),
    kind,
    area: z.string(),
    area_name: z.string(),
    year: z.number(),
    deadline: day,
    ended: z.boolean(),
    bodies: z.array(z.object({ code: z.string(), name: z.string(), state: responseStateSchema, state_name: z.string(), late: z.boolean() })),
  }),
);
