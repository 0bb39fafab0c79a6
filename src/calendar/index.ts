/**
 * The yearly calendar: the statutory steps and their deadlines (with a year's overrides), each
 * jobcenter's status on them, hand marks, councils' milestones, iCalendar feeds and reminders.
 */
export { calendarRoutes, type CalendarRoutesOptions } from './calendar.routes.js';
export { deadlinesFor, hearingDeadline, statutoryDeadlines, stepIds, steps, type Deadline, type Step, type StepId, type StepKind } from './deadlines.js';
export { calendarBoard, stepStatusNames, type Board, type BoardRow, type StepCell, type StepStatus } from './status.js';
export { calendarReminders } from './reminders.js';
export { organisationFeed, personalFeed, createFeedToken } from './feeds.js';
