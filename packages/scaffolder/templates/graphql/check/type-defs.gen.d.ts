// For type-checking the templates only: the schema text a run generates.
export declare const typeDefs: string;
