/** Council meetings: agendas with open and closed items, attachments, decisions, minutes, PDFs. */
export { MeetingService } from './meetings.js';
export { meetingRoutes } from './meetings.routes.js';
