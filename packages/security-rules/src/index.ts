export { SecurityRulesError } from './errors.js';
export type { SecurityRulesErrorCode } from './errors.js';
