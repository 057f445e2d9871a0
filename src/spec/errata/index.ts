import { allOfBesideProperties } from './allOfBesideProperties';
import { discriminatorEnumMismatch } from './discriminatorEnumMismatch';
import type { Erratum } from './erratum';
import { keywordUnderProperties } from './keywordUnderProperties';
import { oneOfNotExclusive } from './oneOfNotExclusive';
import { requestMediaType } from './requestMediaType';
import { requiredNeverDescribed } from './requiredNeverDescribed';
import { untypedRequiredProperty } from './untypedRequiredProperty';

export type { Defect, Erratum } from './erratum';

/**
 * The errata list, in the order corrections are applied. oneOfNotExclusive is found on the raw
 * file, before the enum correction removes the overlap it reports. keywordUnderProperties comes
 * early because every later erratum reads `properties` maps. requiredNeverDescribed composes each
 * event type, after untypedRequiredProperty has given the envelope's identifiers their string
 * reading; both run before allOfBesideProperties moves keywords, so their pointers are the file's.
 */
export const ERRATA: readonly Erratum[] = [
  requestMediaType,
  keywordUnderProperties,
  oneOfNotExclusive,
  discriminatorEnumMismatch,
  untypedRequiredProperty,
  requiredNeverDescribed,
  allOfBesideProperties,
];
