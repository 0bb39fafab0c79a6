/**
 * The councils' API shapes (src/councils, src/meetings, src/hearings, src/calendar,
 * src/notifications) and shared words and date formats for their pages.
 */
import type { z } from 'zod';
import type { boardResponse, milestonesResponse } from '../../src/calendar/shared';
import type { meetingResponse, meetingsResponse } from '../../src/meetings/shared';
import type { notificationsResponse } from '../../src/notifications/shared';
import type { DocumentSection } from '../../src/documents/shared';
import type { AuditContent, DocumentKind, DocumentState, TargetView } from './documents';
import { date, dateTime } from './format';

// The yearly calendar's shapes are its API's schemas.
export type Board = z.output<typeof boardResponse>;
export type StepCell = Board['rows'][number]['steps'][number];
export type StepStatus = StepCell['status'];

// The council types and their Danish names are the server's rules-as-data (no runtime dependencies).
import type { councilResponse, councilsResponse, CouncilType } from '../../src/councils/shared';
export { councilTypeNames } from '../../src/councils/shared';
export type { CouncilType };

export type CouncilSummary = z.output<typeof councilsResponse>[number];
export type CouncilView = z.output<typeof councilResponse>;
export type Member = CouncilView['members'][number];

export type MeetingSummary = z.output<typeof meetingsResponse>['meetings'][number];
export type Meeting = z.output<typeof meetingResponse>;
export type Item = Meeting['items'][number];
export type Attachment = Item['attachments'][number];

export type ResponseState = 'none' | 'draft' | 'adopted';
export interface HearingBody {
  code: string;
  name: string;
  kind: string;
  state: ResponseState;
  state_name: string;
  response: string;
  revision: number;
  adopted_at: string | null;
  adopted_by: string | null;
  meeting_id: number | null;
  late: boolean;
  updated_at: string | null;
  updated_by: string | null;
  may_comment: boolean;
  may_draft: boolean;
  may_adopt: boolean;
  adopt_by: 'chair' | 'region' | null;
}
export interface HearingComment {
  id: number;
  section: string;
  paragraph: number | null;
  text: string;
  author: string;
  body: string;
  body_name: string;
  created_at: string;
  mine: boolean;
}
export interface Hearing {
  id: number;
  document: { id: number; kind: DocumentKind; area: string; area_name: string; year: number; state: DocumentState; revision: number };
  revision: number;
  deadline: string;
  require_all: boolean;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  ended: boolean;
  today: string;
  bodies: HearingBody[];
  /** The heard version by section; a target's section carries its live status. */
  sections: (DocumentSection & { target?: TargetView | null })[];
  /** A results audit's heard content, for its figures. */
  content?: AuditContent;
  comments: HearingComment[];
}

/** GET /api/hearings: open hearings the user's bodies are consulted on. */
export interface OpenHearing {
  id: number;
  document_id: number;
  kind: DocumentKind;
  area: string;
  area_name: string;
  year: number;
  deadline: string;
  ended: boolean;
  bodies: { code: string; name: string; state: ResponseState; state_name: string; late: boolean }[];
}


export type Milestone = z.output<typeof milestonesResponse>['milestones'][number];
export type Notifications = z.output<typeof notificationsResponse>;

/** Fired when notifications are read, so the menu's count follows. */
export const notificationsChanged = 'styr:notifications-changed';

const stepBadge: Record<StepStatus, string> = { done: 'badge-success', done_late: 'badge-warning', overdue: 'badge-error', due_soon: 'badge-warning', upcoming: 'badge-info' };
export const stepClass = (s: StepStatus) => `badge ${stepBadge[s]}`;
const responseBadge: Record<ResponseState, string> = { none: 'badge-info', draft: 'badge-warning', adopted: 'badge-success' };
export const responseClass = (s: ResponseState) => `badge ${responseBadge[s]}`;

const TZ = 'Europe/Copenhagen';
/** '2026-08-31' → '31.08.2026' (the app's one date format, web/src/format.ts). */
export const day = (d: string | null | undefined) => date(d);
/** An instant in Copenhagen time, e.g. '20.08.2026 kl. 16.00'. */
export const when = (iso: string) => dateTime(iso);
/** An instant as a `datetime-local` value in Copenhagen time. */
export const localInput = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: TZ }).replace(' ', 'T').slice(0, 16);
/** A term or period: '01.01.2022–31.12.2026' (open end: 'fra 01.01.2022'). */
export const period = (from: string | null, to: string | null) => (from && to ? `${day(from)}–${day(to)}` : from ? `fra ${day(from)}` : to ? `til ${day(to)}` : '');
export const officeNames = { chair: 'Formand', deputy_chair: 'Næstformand' } as const;
