export { ScaffoldError } from './errors.js';
export type { ScaffoldErrorCode } from './errors.js';
export { scaffold } from './from-spec/scaffold.js';
export { FRAMEWORKS } from './options.js';
export type { Framework, ScaffoldOptions, ScaffoldProgress } from './options.js';
export type { HandlerRef, ScaffoldFile, ScaffoldResult, ScaffoldWarning } from './result.js';
export { InvalidSpecError } from './openapi/spec-problem.js';
export { formatProblem } from '@sb/openapi';
export type { SpecProblem } from '@sb/openapi';

// routes → OpenAPI (part 2)
export { specFromRoutes } from './from-routes/lazy.js';
export { serializeSpec } from './from-routes/document/serialize.js';
export type { RouteFramework, RouteReport, SpecFromRoutesOptions, SpecFromRoutesResult, SpecProgress, SpecWarning } from './from-routes/options.js';

// PostgreSQL schema → CRUD API (part 2)
export { scaffoldFromDb } from './from-db/scaffold-from-db.js';
export type { DbWarning, ScaffoldFromDbOptions, ScaffoldFromDbResult, TableReport } from './from-db/options.js';

// Schema-first GraphQL (sb scaffold schema.graphql)
export { scaffoldGraphql } from './from-sdl/scaffold-graphql.js';
export type { ResolverRef, ScaffoldGraphqlOptions, ScaffoldGraphqlResult } from './from-sdl/scaffold-graphql.js';
