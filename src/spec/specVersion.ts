import { KNOWN_SPECS } from './knownSpecs';
import { isSchemaObject, type SpecDocument } from './types';

/** A spec's name and version, as reports print them beside its SHA-256. */
export interface SpecVersion {
  readonly title?: string;
  readonly version?: string;
}

/**
 * The spec's own `info.title` and `info.version` when it has them; otherwise, for one of gridX's
 * known files (which carry no `info`), gridX's name and publication date by SHA-256; else nothing.
 */
export function specVersion(spec: Pick<SpecDocument, 'sha256' | 'document'>): SpecVersion {
  const info = isSchemaObject(spec.document.info) ? spec.document.info : {};
  const title = typeof info.title === 'string' ? info.title : undefined;
  const version = typeof info.version === 'string' || typeof info.version === 'number' ? String(info.version) : undefined;
  if (title !== undefined || version !== undefined) return { ...(title !== undefined ? { title } : {}), ...(version !== undefined ? { version } : {}) };
  return KNOWN_SPECS[spec.sha256] ?? {};
}

/** "gridX webhook events 2026-03-16", or undefined when the spec names neither. */
export function describeSpecVersion(version: SpecVersion): string | undefined {
  const text = [version.title, version.version].filter((part) => part !== undefined).join(' ');
  return text === '' ? undefined : text;
}
