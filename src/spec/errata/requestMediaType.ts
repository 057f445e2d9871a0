import { isSchemaObject, type SchemaObject } from '../types';
import { cloneSpec, type Defect, type Erratum } from './erratum';
import { escapePointerSegment } from '../../jsonPointer';

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+*-]+$/;

/** `application.json` → `application/json`: a dot typed where the slash belongs. */
function corrected(key: string): string | undefined {
  if (MEDIA_TYPE.test(key)) return undefined;
  const fixed = key.replace('.', '/');
  return MEDIA_TYPE.test(fixed) ? fixed : undefined;
}

export const requestMediaType: Erratum = {
  id: 'request-media-type',
  title: 'Request body media type is misspelt',
  correction:
    'The request body content is keyed `application.json`, which is not a media type. gridX sends ' +
    '`application/json`; hookproof reads the key with the dot replaced by a slash and sends that content type.',
  find(spec) {
    const defects: Defect[] = [];
    const bodies = (spec.document.components as SchemaObject).requestBodies;
    if (!isSchemaObject(bodies)) return defects;
    for (const [name, body] of Object.entries(bodies)) {
      if (!isSchemaObject(body) || !isSchemaObject(body.content)) continue;
      for (const key of Object.keys(body.content)) {
        const fixed = corrected(key);
        if (fixed !== undefined) {
          defects.push({
            code: 'invalid-media-type',
            pointer: `/components/requestBodies/${escapePointerSegment(name)}/content/${escapePointerSegment(key)}`,
            message: `request body media type "${key}" is not a media type; read as "${fixed}"`,
            erratum: this.id,
          });
        }
      }
    }
    return defects;
  },
  correct(spec) {
    const copy = cloneSpec(spec);
    const bodies = (copy.document.components as SchemaObject).requestBodies as Record<string, SchemaObject>;
    for (const body of Object.values(bodies)) {
      if (!isSchemaObject(body) || !isSchemaObject(body.content)) continue;
      const content: SchemaObject = {};
      for (const [key, value] of Object.entries(body.content)) content[corrected(key) ?? key] = value;
      body.content = content;
    }
    return copy;
  },
};
