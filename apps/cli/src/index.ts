export { SbCommand, ExitCode } from './base/sb-command.js';
export { isSbError } from '@sb/errors';
