/**
 * The audit log in words: every action the server writes (`audit(…)` across src/) as a
 * Danish sentence built from its details, so the log shows no codes or JSON.
 */
import { roleNames } from '../../src/access/shared';
import { eras, stepLabel } from '../../src/calendar/shared';
import { seatNames } from '../../src/councils/shared';
import { kindNames, stateNames, type DocumentKind, type DocumentState } from '../../src/documents/shared';
import { date } from './format';

export interface AuditLine {
  action: string;
  entity: string;
  details: Record<string, unknown>;
}

/** Organisation codes to names (from /api/organisations); a code not known stays as it is. */
export type OrgNames = Map<string, string>;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const role = (v: unknown) => roleNames[str(v) as keyof typeof roleNames] ?? 'en anden rolle';
const version = (d: Record<string, unknown>) => (d.revision !== undefined ? ` (version ${str(d.revision)})` : '');

const documentEvents: Record<string, string> = {
  created: 'oprettet',
  generated: 'dannet fra statistikken',
  saved: 'gemt',
  comment: 'bemærkninger gemt',
  hearing_response: 'høringssvar føjet til bemærkningerne',
  send_to_hearing: 'sendt i høring',
  reopen: 'taget tilbage til kladde',
  approve: 'godkendelse registreret',
  publish: 'offentliggjort',
  send_to_rbr: 'sendt til RBR',
};
const meetingEvents: Record<string, string> = {
  created: 'Møde oprettet',
  saved: 'Møde gemt',
  publish_agenda: 'Dagsorden offentliggjort',
  publish_minutes: 'Referat offentliggjort',
  decision: 'Beslutning registreret',
};
const responseEvents: Record<string, string> = { draft: 'Udkast til høringssvar gemt', amend: 'Høringssvar ændret', adopt: 'Høringssvar vedtaget' };
const memberEvents: Record<string, string> = { add: 'Rådsmedlem tilføjet', remove: 'Rådsmedlem fjernet', update: 'Rådsmedlem ændret' };
const notifyModes: Record<string, string> = { immediate: 'mail med det samme', daily: 'daglig oversigt', weekly: 'ugentlig oversigt', none: 'ingen mail' };

/** The action as a short Danish name (the table's "Handling"). */
export function actionName(e: AuditLine): string {
  const [domain, event = ''] = e.action.split('.') as [string, string?];
  switch (domain) {
    case 'user':
      return ({ invite: 'Inviterede en bruger', update: 'Ændrede en bruger', accept_invitation: 'Tog sin invitation i brug', set_password: 'Satte en adgangskode', notify_mode: 'Valgte notifikationer' } as Record<string, string>)[event] ?? 'Ændrede en bruger';
    case 'document': {
      const kind = kindNames[e.entity as DocumentKind] ?? 'Dokument';
      return `${kind} ${documentEvents[event] ?? 'ændret'}`;
    }
    case 'ministerial_goals':
      return 'Ministermål offentliggjort';
    case 'meeting':
      return event === 'file_upload' ? 'Bilag tilføjet til møde' : (meetingEvents[event] ?? 'Møde ændret');
    case 'council_member':
      return memberEvents[event] ?? 'Rådsmedlem ændret';
    case 'hearing':
      if (event.startsWith('response_')) return responseEvents[event.slice(9)] ?? 'Høringssvar ændret';
      return ({ open: 'Høring åbnet', close: 'Høring afsluttet', comment: 'Høringskommentar skrevet', comment_withdraw: 'Høringskommentar trukket tilbage' } as Record<string, string>)[event] ?? 'Høring ændret';
    case 'calendar':
      return ({ step_mark: 'Trin i årshjulet markeret som udført', step_unmark: 'Markering i årshjulet fjernet', deadlines: 'Frister i årshjulet ændret', era: 'Årets regler valgt' } as Record<string, string>)[event] ?? 'Årshjulet ændret';
    case 'calendar_feed':
      return 'Kalenderlink oprettet';
    case 'council_milestone':
      return event === 'remove' ? 'Milepæl fjernet' : 'Milepæl tilføjet';
    default:
      return 'Anden ændring';
  }
}

/** What changed, in words (the table's "Ændring"); '' when the name says it all. */
export function changeText(e: AuditLine, orgs: OrgNames): string {
  const d = e.details;
  const org = (v: unknown) => orgs.get(str(v)) ?? str(v);
  const [domain, event = ''] = e.action.split('.') as [string, string?];
  switch (domain) {
    case 'user': {
      if (event === 'invite') return `${str(d.email)} som ${role(d.role).toLowerCase()} i ${org(d.organisation)}.`;
      if (event === 'notify_mode') return `Notifikationer: ${notifyModes[str(d.mode)] ?? 'ændret'}.`;
      if (event !== 'update') return '';
      const parts: string[] = [];
      const r = d.role as { from?: unknown; to?: unknown } | undefined;
      if (r) parts.push(`rolle fra ${role(r.from).toLowerCase()} til ${role(r.to).toLowerCase()}`);
      const o = d.organisation as { to?: unknown } | undefined;
      if (o) parts.push(`flyttet til ${org(o.to)}`);
      if (d.disabled !== undefined) parts.push(d.disabled ? 'spærret' : 'genåbnet');
      return parts.length ? `${parts.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()) : '';
    }
    case 'document': {
      const state = stateNames[str(d.state) as DocumentState];
      return `${org(d.area)} ${str(d.year)}${version(d)}${state ? `, nu ${state.toLowerCase()}` : ''}.`;
    }
    case 'ministerial_goals':
      return `${str(d.goals)} mål for ${str(d.year)}.`;
    case 'meeting':
      return event === 'file_upload' ? `${str(d.name)}.` : `${str(d.title)}${version(d)}.`;
    case 'council_member':
      return `${str(d.name)} (${seatNames[str(d.seat)] ?? org(d.seat)}) i ${org(d.council)}${d.version !== undefined ? `, version ${str(d.version)}` : ''}.`;
    case 'hearing': {
      if (event === 'open') return `Høringsfrist ${date(str(d.deadline))}${Array.isArray(d.bodies) ? `; høres: ${d.bodies.map(org).join(', ')}` : ''}.`;
      if (event === 'close') return Array.isArray(d.responses) ? `${d.responses.filter((r: { state?: string }) => r.state === 'adopted').length} af ${d.responses.length} høringssvar vedtaget.` : '';
      if (event.startsWith('response_')) return `Version ${str(d.revision)}${d.late ? ', afgivet efter fristen' : ''}.`;
      return '';
    }
    case 'calendar':
      if (event === 'deadlines') return `Frister for ${str(d.year)}.`;
      if (event === 'era') return d.era ? `${str(d.year)} følger reglerne for ${eras.find((e) => e.id === d.era)?.name.toLowerCase() ?? str(d.era)}.` : `${str(d.year)} følger lovens regler igen.`;
      return `${stepLabel(str(d.step), Number(d.year)) ?? 'Trin'}: ${org(d.area)}, ${str(d.year)}${d.done_on ? `, udført ${date(str(d.done_on))}` : ''}.`;
    case 'council_milestone':
      return `${str(d.title)}${d.due ? `, ${date(str(d.due))}` : ''} i ${org(d.council)}.`;
    default:
      return '';
  }
}
