/**
 * The yearly calendar: the statutory steps and their deadlines (with a year's overrides), each
 * jobcenter's status on them, hand marks, councils' milestones, iCalendar feeds and reminders.
 */
export { calendarRoutes } from './calendar.routes.js';
export { deadlinesFor, documentEra, eraFor, hearingDeadline, statutoryDeadlines } from './deadlines.js';
export { setEra } from './marks.js';
export { calendarBoard, type Board, type StepCell } from './status.js';
export { calendarReminders } from './reminders.js';
export { organisationFeed } from './feeds.js';
