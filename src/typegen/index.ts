/** Typed event definitions generated from the spec, and arbitraries typed by them. */
export { generateEventTypes, TYPEGEN_COMMAND } from './generateEventTypes';
export { typedEventArbitrary, anyTypedEventArbitrary } from './typedArbitraries';
