import type { HttpMethod, Json, SpecVersion } from '@sb/openapi';

/** Where a parameter is read from. */
export type ParamIn = 'path' | 'query' | 'header' | 'cookie';

/** One parameter, normalised: style/explode resolved to how the runtime must split it. */
export interface ParamModel {
  /** The name as in the spec (headers: lower-cased, as Node delivers them). */
  readonly name: string;
  readonly in: ParamIn;
  readonly required: boolean;
  readonly schema: Json;
  readonly description: string | undefined;
  /** For array-typed parameters sent as one string: the separator to split on. */
  readonly split: ',' | ' ' | '|' | undefined;
  /** `content: application/json` parameters: the raw value is JSON-parsed before validation. */
  readonly json: boolean;
}

/** How a body of one media type is parsed. */
export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface MediaModel {
  readonly mediaType: string;
  readonly kind: MediaKind;
  readonly schema: Json | undefined;
}

export interface BodyModel {
  readonly required: boolean;
  readonly media: readonly MediaModel[];
}

export interface ResponseModel {
  /** `200`, `2XX` or `default`. */
  readonly status: string;
  readonly description: string | undefined;
  readonly media: readonly MediaModel[];
}

/** A security scheme, reduced to how credentials are extracted. */
export interface SchemeModel {
  /** The key under `components.securitySchemes`. */
  readonly name: string;
  readonly kind: 'bearer' | 'basic' | 'apiKey' | 'http';
  /** apiKey only. */
  readonly in: 'header' | 'query' | 'cookie' | undefined;
  /** apiKey only: the header/query/cookie name (headers lower-cased). */
  readonly keyName: string | undefined;
}

/** Alternatives (any one must pass); each alternative lists schemes that must all pass, with scopes. */
export type SecurityModel = readonly (readonly { readonly scheme: string; readonly scopes: readonly string[] }[])[];

export interface OperationModel {
  /** The handler's export name: a unique camel-case identifier. */
  readonly name: string;
  /** The prefix of the operation's type names: a unique Pascal-case identifier. */
  readonly typeName: string;
  readonly operationId: string | undefined;
  readonly method: HttpMethod;
  /** The OpenAPI path template, e.g. `/pets/{petId}`. */
  readonly path: string;
  /** The handler file's base name (kebab-case, safe as a file name). */
  readonly group: string;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  readonly params: readonly ParamModel[];
  readonly body: BodyModel | undefined;
  readonly responses: readonly ResponseModel[];
  /** `undefined` = open (no security requirement applies). */
  readonly security: SecurityModel | undefined;
  readonly pointer: string;
}

/** A `$ref` target, named and numbered, so types and validators can refer to it. */
export interface NamedSchema {
  /** The `$ref` string as written in the spec, e.g. `#/components/schemas/Pet`. */
  readonly ref: string;
  /** The TypeScript type name, unique. */
  readonly typeName: string;
  /** Index used to build the validator `$id`. */
  readonly index: number;
  readonly schema: Json;
  readonly description: string | undefined;
}

/** Everything the emitters need, framework-independent. */
export interface ApiModel {
  readonly version: SpecVersion;
  readonly title: string;
  readonly operations: readonly OperationModel[];
  readonly schemas: readonly NamedSchema[];
  readonly schemesByName: ReadonlyMap<string, SchemeModel>;
  /** Every `format` used → the pointer of its first use. */
  readonly formats: ReadonlyMap<string, string>;
}
