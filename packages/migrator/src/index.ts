export { MigratorError } from './errors.js';
export type { MigratorErrorCode } from './errors.js';
