import type { TargetPlugin } from '../target.js';
import { fastifyRouteSlots } from './routes.js';

/** Fastify 5: `app.route()` per operation (paths Fastify's router can express), `setErrorHandler`/`setNotFoundHandler`. */
export const fastifyPlugin: TargetPlugin = { name: 'fastify', routeSlots: fastifyRouteSlots };
