export * from './common.js';
export * from './authorization.js';
export * from './quota-misc.js';
export * from './templates.js';
export * from './code-management.js';
export * from './domains-testers-privacy.js';
export * from './fast-registration.js';
export * from './endpoints.js';
