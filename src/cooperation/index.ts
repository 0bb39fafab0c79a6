/** A jobcenter's written cooperation agreements (samarbejdsaftaler): the registry, its states and versions. */
export { cooperationRoutes } from './cooperation.routes.js';
export { ensureDemoCooperation } from './demo.js';
export { cooperationDates, cooperationReminders } from './dates.js';
