export { canonicalJson, serialiseEvent } from './canonicalJson';
export { unusualJsonArbitrary } from './unusualJson';
