/** `styr user …`: invite users, set roles and organisations, disable, set passwords, and `styr org list`. */
import type { Command } from 'commander';
import { AccessError, inviteUser, sendInvitation, listOrganisations, listUsers, roleNames, roles, setPassword, updateUser, type Role } from '../../access/index.js';
import { createMailer } from '../../mail/index.js';
import { withDatabase } from '../context.js';

const cli = { id: null, label: 'styr (kommandolinje)' };

function roleOption(v: string): Role {
  if (!(roles as readonly string[]).includes(v)) throw new Error(`--role skal være en af ${roles.join(', ')} (fik "${v}")`);
  return v as Role;
}

async function readStdin(): Promise<string> {
  let s = '';
  for await (const chunk of process.stdin) s += String(chunk);
  return s.replace(/\r?\n$/, '');
}

export function userCommands(program: Command): void {
  const user = program.command('user').description('brugere og roller');
  user
    .command('invite')
    .description('opret en bruger og udskriv invitationslinket')
    .requiredOption('--email <e-mail>', 'brugerens e-mailadresse')
    .requiredOption('--name <navn>', 'brugerens navn')
    .requiredOption('--org <kode>', 'organisationens kode (se styr org list), fx J101, B1, AMS, LBR-J101')
    .requiredOption('--role <rolle>', `rolle: ${roles.join(', ')}`, roleOption)
    .action((o: { email: string; name: string; org: string; role: Role }) =>
      withDatabase(async (db, config) => {
        const { user: u, token } = await inviteUser(db.db, cli, { email: o.email, name: o.name, organisation: o.org, role: o.role });
        const url = `${config.publicUrl}/invitation/${token}`;
        const mailed = await sendInvitation(createMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }), u, null, url);
        console.log(`${u.email} (${roleNames[u.role]}, ${u.organisation.name}) er inviteret${mailed ? ' og har fået en mail' : ''}. Link (gyldigt i 14 dage):\n${url}`);
      }),
    );
  user.command('list').description('alle brugere').action(() =>
    withDatabase(async (db) => {
      for (const u of await listUsers(db.db)) {
        console.log([u.email, u.name, u.role, u.organisation.code, u.disabled ? 'deaktiveret' : u.active ? 'aktiv' : 'inviteret'].join('\t'));
      }
    }),
  );
  user
    .command('set')
    .description('ændr rolle, organisation eller deaktivér/aktivér')
    .argument('<e-mail>')
    .option('--role <rolle>', 'ny rolle', roleOption)
    .option('--org <kode>', 'ny organisation')
    .option('--disable', 'deaktivér brugeren')
    .option('--enable', 'aktivér brugeren igen')
    .action((email: string, o: { role?: Role; org?: string; disable?: boolean; enable?: boolean }) =>
      withDatabase(async (db) => {
        const u = (await listUsers(db.db)).find((x) => x.email === email.toLowerCase());
        if (!u) throw new AccessError(404, 'not_found', `Ingen bruger med e-mailadressen ${email}.`);
        const disabled = o.disable ? true : o.enable ? false : undefined;
        const after = await updateUser(db.db, cli, u.id, { version: u.version, role: o.role, organisation: o.org, disabled });
        console.log(`${after.email}: ${roleNames[after.role]}, ${after.organisation.name}${after.disabled ? ', deaktiveret' : ''}`);
      }),
    );
  user
    .command('password')
    .description('sæt en adgangskode, læst fra standard input')
    .argument('<e-mail>')
    .action((email: string) =>
      withDatabase(async (db) => {
        const password = await readStdin();
        if (password.length < 10) throw new Error('Adgangskoden skal være mindst 10 tegn.');
        await setPassword(db.db, cli, email, password);
        console.log(`Adgangskoden for ${email} er sat.`);
      }),
    );
  program
    .command('org')
    .description('organisationer')
    .command('list')
    .action(() =>
      withDatabase(async (db) => {
        for (const o of await listOrganisations(db.db)) console.log([o.code, o.kind, o.name].join('\t'));
      }),
    );
}
