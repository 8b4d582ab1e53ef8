export { ScaffoldError } from './errors.js';
export type { ScaffoldErrorCode } from './errors.js';
