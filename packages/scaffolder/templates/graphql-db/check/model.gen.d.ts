// For type-checking the templates only: the model a run generates from the database.
import type { ServiceModel } from '../service-model.gen.js';
export declare const model: ServiceModel;
