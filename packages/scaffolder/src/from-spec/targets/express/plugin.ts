import type { TargetPlugin } from '../target.js';
import { expressAppFile, expressServerFile } from './app.js';
import { expressRoutesFile } from './routes.js';

/** Express 5: `express.Router()` routes, body-parser limits, an error-handling middleware. */
export const expressPlugin: TargetPlugin = {
  name: 'express',
  routesFile: expressRoutesFile,
  appFile: expressAppFile,
  serverFile: expressServerFile,
};
