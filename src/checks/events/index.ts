import type { Check } from '../check';
import { boundaryValues } from './boundaryValues';
import { deprecatedTypes } from './deprecatedTypes';
import { gone } from './gone';
import { invalidEvents } from './invalidEvents';
import { minimalEvents } from './minimalEvents';
import { unknownProperties } from './unknownProperties';
import { unknownType } from './unknownType';
import { validEvents } from './validEvents';

export const EVENT_CHECKS: readonly Check[] = [validEvents, minimalEvents, unknownProperties, boundaryValues, deprecatedTypes, unknownType, invalidEvents, gone];
