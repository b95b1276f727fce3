export * from './schema.ts';
export * from './validate.ts';
export * from './names.ts';
export * from './db.ts';
export { DERIVED_INDICATORS, basisOf } from './derive.ts';
export * from './format.ts';
export * from './scopes.ts';
export * from './select.ts';
export * from './join.ts';
