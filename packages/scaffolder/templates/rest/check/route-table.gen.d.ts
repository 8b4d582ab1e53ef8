// For type-checking the templates only: the shape of the route-table.gen.ts a run generates from the spec.
import type { SchemeSpec } from './runtime.gen.js';

export declare const schemes: Readonly<Record<string, SchemeSpec>>;
