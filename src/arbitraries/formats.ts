import fc from 'fast-check';
import { dateTimeArbitrary, fullDateArbitrary } from './dateTime';
import { uuidArbitrary } from './uuid';

/**
 * How to build a generator for each string format ajv-formats checks; other formats are generated
 * as plain text. Builders, not generators: fast-check's `webUrl()` and `emailAddress()` take most of
 * a second to construct, and the gridX spec uses neither, so nothing is built until a schema asks.
 */
const FORMAT_BUILDERS: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  uuid: uuidArbitrary,
  'date-time': dateTimeArbitrary,
  date: fullDateArbitrary,
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl(),
  url: () => fc.webUrl(),
  hostname: () => fc.domain(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  byte: () => fc.base64String(),
};

const built = new Map<string, fc.Arbitrary<string>>();

/** The generator for a string format, built on first use and then shared; undefined for formats without one. */
export function formatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  if (!Object.hasOwn(FORMAT_BUILDERS, format)) return undefined;
  let arbitrary = built.get(format);
  if (arbitrary === undefined) {
    arbitrary = (FORMAT_BUILDERS[format] as () => fc.Arbitrary<string>)();
    built.set(format, arbitrary);
  }
  return arbitrary;
}

/** The same generators as a record whose entries are built when read (see formatArbitrary). */
export const STRING_FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = Object.freeze(
  Object.defineProperties({}, Object.fromEntries(Object.keys(FORMAT_BUILDERS).map((format) => [format, { enumerable: true, get: () => formatArbitrary(format) }]))),
);
