/** In-app notifications and their mail: at once, as a daily or weekly digest, or not at all. */
export { Notifier, digestBoundary } from './notifier.js';
export { notificationRoutes } from './notifications.routes.js';
