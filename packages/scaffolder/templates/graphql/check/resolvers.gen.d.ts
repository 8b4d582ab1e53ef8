// For type-checking the templates only: the resolver map a run generates from the schema.
export declare const resolvers: Record<string, unknown>;
