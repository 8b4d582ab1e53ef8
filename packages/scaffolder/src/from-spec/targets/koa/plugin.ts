import type { TargetPlugin } from '../target.js';
import { koaRouteSlots } from './routes.js';

/** Koa 3 + @koa/router: one route per operation, the shared body reader, an error-envelope middleware. */
export const koaPlugin: TargetPlugin = { name: 'koa', routeSlots: koaRouteSlots };
