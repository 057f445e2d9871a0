export { compactJson, serialiseEvent } from './compactJson';
export { unusualJsonArbitrary } from './unusualJson';
export { sortKeys } from './sortKeys';
