/** A jobcenter's written cooperation agreements (samarbejdsaftaler): the registry, its states and versions. */
export { cooperationRoutes } from './cooperation.routes.js';
export { ensureDemoCooperation } from './demo.js';
export { agreementStateNames, listAgreements, type Agreement } from './agreements.js';
export { cooperationDates, cooperationReminders, type CooperationDate } from './dates.js';
