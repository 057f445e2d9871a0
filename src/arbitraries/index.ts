export { eventArbitrary, anyEventArbitrary, type GeneratedEvent, type EventArbitraryOptions, type AnyEventOptions } from './events';
export { schemaArbitrary, type Presence, type SchemaArbitraryOptions } from './schemaArbitrary';
export { invalidEventArbitrary, anyInvalidEventArbitrary, type InvalidEventOptions } from './invalid/invalidEvents';
export { INVALID_KINDS, type InvalidCase, type InvalidKind } from './invalid/invalidCase';
export { SPECIAL_STRINGS, textArbitrary } from './strings';
export { dateTimeArbitrary } from './dateTime';
