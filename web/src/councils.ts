/**
 * The councils' API shapes (src/councils, src/meetings, src/hearings, src/calendar,
 * src/notifications: their schemas' types) and shared words and date formats for their pages.
 */
import type { z } from 'zod';
import type { boardResponse, milestonesResponse } from '../../src/calendar/shared';
import type { hearingResponse, openHearingsResponse } from '../../src/hearings/shared';
import type { meetingResponse, meetingsResponse } from '../../src/meetings/shared';
import type { notificationsResponse } from '../../src/notifications/shared';
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

export type Hearing = NonNullable<z.output<typeof hearingResponse>['hearing']>;
export type HearingBody = Hearing['bodies'][number];
export type HearingComment = Hearing['comments'][number];
export type ResponseState = HearingBody['state'];
/** GET /api/hearings: open hearings the user's bodies are consulted on. */
export type OpenHearing = z.output<typeof openHearingsResponse>[number];

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
