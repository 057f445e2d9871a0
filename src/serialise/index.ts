export { compactJson, serialiseEvent } from './compactJson';
export { unusualJsonArbitrary } from './unusualJson';
