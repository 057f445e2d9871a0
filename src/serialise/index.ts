export { canonicalJson, serialiseEvent } from './compactJson';
export { unusualJsonArbitrary } from './unusualJson';
