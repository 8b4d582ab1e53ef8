export { LoadtestError } from './errors.js';
export type { LoadtestErrorCode } from './errors.js';
