import type { OpenAPIObject, OperationObject, ParameterObject, PathItemObject, ReferenceObject, SchemaObject } from 'openapi3-ts/oas31';
import type { ResourceNames } from '../model/resource-names.js';
import type { ColumnModel, TableModel } from '../model/table-model.js';
import { updatable } from '../emit/handler-bodies.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: SchemaObject | ReferenceObject) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('ApiError')) });
/** Query parameter names of the listing itself; a column with one of these names is not filterable. */
export const LIST_PARAMS = ['limit', 'offset', 'cursor', 'sort', 'order'];

const API_ERROR: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
    meta: { type: 'object', properties: { requestId: { type: 'string' } } },
  },
};

/**
 * The OpenAPI 3.1 description of the CRUD API over the tables: per table a row schema, a create and an update
 * schema, a page schema; list (limit/offset and primary-key cursor pagination, equality filters on indexed
 * columns, a sort allow-list), get, create, partial update (PATCH) and delete by primary key. Tables without
 * a primary key get the list route only. `auth`: which operations require a bearer token (checked by the
 * generated app's authenticate hook): `writes` (default: POST/PATCH/DELETE), `all`, or `none`.
 */
export function buildSpec(title: string, tables: readonly TableModel[], names: ReadonlyMap<TableModel, ResourceNames>, auth: 'writes' | 'all' | 'none' = 'writes'): OpenAPIObject {
  const schemas: Record<string, SchemaObject> = { ApiError: API_ERROR };
  const paths: Record<string, PathItemObject> = {};
  for (const t of tables) {
    const n = names.get(t)!;
    schemas[n.singular] = rowSchema(t);
    schemas[`${n.plural}Page`] = {
      type: 'object',
      required: ['items', 'nextCursor'],
      properties: {
        items: { type: 'array', items: ref(n.singular) },
        nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last one.' },
      },
    };
    const collection: PathItemObject = { get: listOperation(t, n) };
    paths[n.path] = collection;
    if (t.primaryKey.length === 0) continue;
    schemas[`${n.singular}Create`] = writeSchema(t, 'create');
    if (updatable(t)) schemas[`${n.singular}Update`] = writeSchema(t, 'update');
    collection.post = {
      operationId: `create${n.singular}`,
      tags: [n.tag],
      summary: `Create a ${t.name} row`,
      requestBody: { required: true, content: json(ref(`${n.singular}Create`)) },
      responses: { '201': { description: 'Created', content: json(ref(n.singular)) }, '400': error('Invalid input'), '409': error('Conflicts with an existing row (unique constraint)'), '422': error('A referenced row does not exist, or a check failed') },
    };
    const keyParams: ParameterObject[] = t.primaryKey.map((c) => ({ name: c, in: 'path', required: true, schema: column(t, c).schema }));
    const item = `${n.path}/${t.primaryKey.map((c) => `{${c}}`).join('/')}`;
    const notFound = error('No row with this key');
    paths[item] = {
      get: { operationId: `get${n.singular}`, tags: [n.tag], summary: `Get a ${t.name} row by key`, parameters: keyParams, responses: { '200': { description: 'The row', content: json(ref(n.singular)) }, '400': error('Invalid key'), '404': notFound } },
      ...(updatable(t) ? { patch: {
        operationId: `update${n.singular}`,
        tags: [n.tag],
        summary: `Update some columns of a ${t.name} row`,
        parameters: keyParams,
        requestBody: { required: true, content: json(ref(`${n.singular}Update`)) },
        responses: { '200': { description: 'The updated row', content: json(ref(n.singular)) }, '400': error('Invalid input'), '404': notFound, '409': error('Conflicts with an existing row (unique constraint)'), '422': error('A referenced row does not exist, or a check failed') },
      } } : {}),
      delete: {
        operationId: `delete${n.singular}`,
        tags: [n.tag],
        summary: `Delete a ${t.name} row`,
        parameters: keyParams,
        responses: { '204': { description: 'Deleted' }, '400': error('Invalid key'), '404': notFound, '409': error('Other rows still reference this one'), '422': error('A check failed') },
      },
    };
  }
  if (auth === 'none') return { openapi: '3.1.0', info: { title, version: '1.0.0' }, paths, components: { schemas } };
  for (const item of Object.values(paths)) {
    for (const [method, op] of Object.entries(item) as [string, OperationObject][]) {
      if (auth === 'writes' && method === 'get') continue;
      op.security = [{ bearerAuth: [] }];
      op.responses = { ...op.responses, '401': error('Missing or invalid credentials') };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title, version: '1.0.0' },
    paths,
    components: { schemas, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Checked by the authenticate hook in auth.ts.' } } },
  };
}

function listOperation(t: TableModel, n: ResourceNames): OperationObject {
  const sortable = sortableColumns(t);
  const parameters: ParameterObject[] = [
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, description: 'Page size.' },
    { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Rows to skip (limit/offset pagination).' },
  ];
  if (t.primaryKey.length > 0) parameters.push({ name: 'cursor', in: 'query', schema: { type: 'string', maxLength: 2048 }, description: '`nextCursor` of the previous page (keyset pagination in primary-key order).' });
  if (sortable.length > 0) {
    parameters.push({ name: 'sort', in: 'query', schema: { type: 'string', enum: sortable }, description: 'Column to sort by (indexed columns only).' });
    parameters.push({ name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' } });
  }
  for (const c of filterColumns(t)) parameters.push({ name: c.name, in: 'query', schema: c.schema, description: `Only rows whose ${c.name} equals this.` });
  return {
    operationId: `list${n.plural}`,
    tags: [n.tag],
    summary: `List ${t.name} rows`,
    ...(t.comment ? { description: t.comment } : {}),
    parameters,
    responses: { '200': { description: 'A page of rows', content: json(ref(`${n.plural}Page`)) }, '400': error('Invalid query') },
  };
}

/** Indexed scalar columns usable as `?column=value` (not colliding with the listing's own parameters). */
export function filterColumns(t: TableModel): ColumnModel[] {
  return t.indexed.filter((c) => !LIST_PARAMS.includes(c)).map((c) => column(t, c));
}

/** The sort allow-list: indexed scalar columns. */
export function sortableColumns(t: TableModel): string[] {
  return [...t.indexed];
}

function column(t: TableModel, name: string): ColumnModel {
  return t.columns.find((c) => c.name === name)!;
}

function rowSchema(t: TableModel): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const c of t.columns) properties[c.name] = columnSchema(c, c.serverOwned);
  return { type: 'object', ...(t.comment ? { description: t.comment } : {}), required: t.columns.map((c) => c.name), properties };
}

function writeSchema(t: TableModel, mode: 'create' | 'update'): SchemaObject {
  const cols = t.columns.filter((c) => !c.serverOwned && (mode === 'create' || !t.primaryKey.includes(c.name)));
  const properties: Record<string, SchemaObject> = {};
  for (const c of cols) properties[c.name] = columnSchema(c, false);
  const required = mode === 'create' ? cols.filter((c) => !c.nullable && !c.hasDefault).map((c) => c.name) : [];
  return { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), ...(mode === 'update' ? { minProperties: 1 } : {}), properties };
}

function columnSchema(c: ColumnModel, readOnly: boolean): SchemaObject {
  const s: SchemaObject = { ...c.schema };
  if (c.nullable) {
    if (typeof s.type === 'string') {
      s.type = [s.type, 'null'];
      if (s.enum) s.enum = [...s.enum, null];
    } else if (s.type === undefined && Object.keys(s).length > 0) return { anyOf: [s, { type: 'null' }] };
  }
  if (c.comment) s.description = c.comment;
  if (readOnly) s.readOnly = true;
  return s;
}
