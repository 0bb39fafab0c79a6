/**
 * Outgoing mail over SMTP (nodemailer). Without SMTP_URL nothing is sent and callers show
 * the content instead (e.g. an invitation link to the administrator).
 */
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mailer {
  /** True when mail really goes out. */
  enabled: boolean;
  send(m: { to: string; subject: string; text: string }): Promise<void>;
}

export function createMailer(opts: { url?: string; from: string }): Mailer {
  if (!opts.url) return { enabled: false, send: async () => {} };
  const transport: Transporter = nodemailer.createTransport(opts.url);
  return {
    enabled: true,
    send: async (m) => {
      await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
