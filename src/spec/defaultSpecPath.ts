import { join } from 'node:path';

/** The project's own copy of the gridX spec; every part of the engine defaults to it. */
export const DEFAULT_SPEC_PATH = join(__dirname, '..', '..', 'spec', 'webhook-events.yaml');
