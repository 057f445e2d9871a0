import fc from 'fast-check';
import { dateTimeArbitrary, fullDateArbitrary } from './dateTime';

/** Generators for the string formats ajv-formats checks; other formats are generated as plain text. */
export const STRING_FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  // Unbiased: fast-check's bias favours the all-zero uuid, which would repeat event ids and make a
  // deduplicating receiver (DLV-4 allows one) skip the events under test.
  uuid: fc.noBias(fc.uuid()),
  'date-time': dateTimeArbitrary,
  date: fullDateArbitrary,
  email: fc.emailAddress(),
  uri: fc.webUrl(),
  url: fc.webUrl(),
  hostname: fc.domain(),
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  byte: fc.base64String(),
};
