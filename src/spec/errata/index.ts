import { allOfBesideProperties } from './allOfBesideProperties';
import { discriminatorEnumMismatch } from './discriminatorEnumMismatch';
import type { Erratum } from './erratum';
import { oneOfNotExclusive } from './oneOfNotExclusive';
import { requestMediaType } from './requestMediaType';
import { untypedRequiredProperty } from './untypedRequiredProperty';

export type { Defect, Erratum } from './erratum';

/**
 * The errata list, in the order corrections are applied. oneOfNotExclusive is found on the raw
 * file, before the enum correction removes the overlap it reports.
 */
export const ERRATA: readonly Erratum[] = [
  requestMediaType,
  oneOfNotExclusive,
  discriminatorEnumMismatch,
  allOfBesideProperties,
  untypedRequiredProperty,
];
