/** The invitation mail, in Danish. */
import type { Mailer } from '../mail/index.js';
import { roleNames } from './policy.js';
import type { User } from './users.js';

function invitationText(user: User, by: User | null, url: string): string {
  return [
    `Kære ${user.name}`,
    '',
    `${by ? `${by.name} har` : 'Du er blevet'} inviteret ${by ? 'dig ' : ''}til Styringshjulet som ${roleNames[user.role].toLowerCase()} for ${user.organisation.name}.`,
    '',
    'Vælg din adgangskode her (linket virker i 14 dage og kun én gang):',
    url,
    '',
    'Har du ikke ventet denne invitation, kan du se bort fra mailen.',
  ].join('\n');
}

/** Mails the invitation when mail is set up; false when it is not (the link is shown instead). */
export async function sendInvitation(mailer: Mailer | undefined, user: User, by: User | null, url: string): Promise<boolean> {
  if (!mailer?.enabled) return false;
  await mailer.send({ to: user.email, subject: 'Invitation til Styringshjulet', text: invitationText(user, by, url) });
  return true;
}
