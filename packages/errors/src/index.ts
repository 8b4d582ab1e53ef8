export { SbError, SB_ERROR_BRAND, isSbError } from './sb-error.js';
export type { SbErrorLike } from './sb-error.js';
export type { Progress, RunControl } from './progress.js';
