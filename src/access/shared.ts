/**
 * The browser's door to access (web/ imports this file and nothing else of the module):
 * the roles and their Danish names, and the schemas of the access API's answers. Values only
 * from files that import nothing Node-specific.
 */
export { roleNames, roles } from './policy.js';
export { auditResponse, invitedResponse, organisationsResponse, sessionResponse, userResponse, usersResponse } from './responses.js';
