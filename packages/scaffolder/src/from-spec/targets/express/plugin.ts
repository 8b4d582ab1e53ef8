import type { TargetPlugin } from '../target.js';
import { expressRouteSlots } from './routes.js';

/** Express 5: `express.Router()` routes with path-to-regexp paths, the shared body reader, an error-handling middleware. */
export const expressPlugin: TargetPlugin = { name: 'express', routeSlots: expressRouteSlots };
