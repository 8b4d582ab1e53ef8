export { SbCommand, ExitCode, isSbError } from './base/sb-command.js';
