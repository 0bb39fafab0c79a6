import { resolve } from 'node:path';
import { z } from 'zod';

// Validation messages a user can meet (settings, forms without a message of their own) in Danish.
z.config(z.locales.da());

const env = z.object({
  /** HTTP port of the server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** Folder for the embedded database, registers and releases. */
  DATA_DIR: z.string().default('./data'),
  /** A PostgreSQL server; when unset, PGlite is embedded under DATA_DIR/pglite. */
  DATABASE_URL: z.string().url().optional(),
  /** Cells with a person count from 1 to threshold − 1 are suppressed. */
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).default(5),
  /** The public address of the app (invitation links); default http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Session cookies only over HTTPS; set to true in production. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** OIDC login (e.g. MitID Erhverv through a broker): the identity provider's issuer URL; unset: local accounts only. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** Text of the login button. */
  OIDC_LABEL: z.string().default('Log ind med MitID Erhverv'),
  /** SMTP server for mail (invitations), e.g. smtp://user:pass@mail.example.dk:587; unset: no mail. */
  SMTP_URL: z.string().url().optional(),
  /** Sender of the platform's mail. */
  MAIL_FROM: z.string().default('Styringshjulet <noreply@styringshjulet.dk>'),
  /** Login and invitation attempts per minute and IP. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Requests per minute for anonymous API callers. */
  API_ANON_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** Features still being built, switched on by name, comma-separated (e.g. followup: the follow-up reports and the analysis report). */
  FEATURES: z.string().default('').transform((s) => s.split(',').map((f) => f.trim()).filter(Boolean)),
  /** Chromium for the documents' PDFs; unset: /usr/bin/chromium or /usr/bin/chromium-browser. */
  CHROMIUM_PATH: z.string().optional(),
});

export type Config = z.infer<typeof env> & { dataDir: string; publicUrl: string };

/** Reads the configuration from the environment; throws a readable error on bad values. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env
    .refine((c) => !c.OIDC_ISSUER || !!c.OIDC_CLIENT_ID, { message: 'OIDC_CLIENT_ID skal sættes sammen med OIDC_ISSUER', path: ['OIDC_CLIENT_ID'] })
    .safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Ugyldig konfiguration i miljøvariablerne:\n${lines}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR), publicUrl: (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, '') };
}
