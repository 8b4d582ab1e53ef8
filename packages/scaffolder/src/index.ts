// The public API of @sb/scaffolder: what users call. Every long-running call is `fn(options, { signal, onProgress })`.
export type { Progress, RunControl } from '@sb/errors';
export { ScaffoldError } from './errors.js';
export type { ScaffoldErrorCode } from './errors.js';

// OpenAPI → routes (sb scaffold openapi.yaml)
export { scaffold } from './from-spec/scaffold.js';
export { FRAMEWORKS } from './options.js';
export type { Framework, ScaffoldOptions } from './options.js';
export type { HandlerRef, ScaffoldFile, ScaffoldResult, ScaffoldWarning } from './result.js';
export { InvalidSpecError } from './openapi/spec-problem.js';
export { formatProblem } from '@sb/openapi';
export type { SpecProblem } from '@sb/openapi';

// routes → OpenAPI (sb spec)
export { specFromRoutes } from './from-routes/lazy.js';
export { serializeSpec } from './from-routes/document/serialize.js';
export type { RouteFramework, RouteReport, SpecFromRoutesOptions, SpecFromRoutesResult, SpecWarning } from './from-routes/options.js';

// PostgreSQL schema → CRUD API (sb scaffold --from-db)
export { scaffoldFromDb } from './from-db/scaffold-from-db.js';
export type { DbWarning, ScaffoldDbGraphqlResult, ScaffoldFromDbOptions, ScaffoldFromDbResult, TableReport } from './from-db-options.js';
export type { GraphqlTableReport } from './from-db/graphql/build-service.js';

// Schema-first GraphQL (sb scaffold schema.graphql)
export { scaffoldGraphql } from './from-sdl/scaffold-graphql.js';
export type { ResolverRef, ScaffoldGraphqlOptions, ScaffoldGraphqlResult } from './from-sdl/scaffold-graphql.js';
