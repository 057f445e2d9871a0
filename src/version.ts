import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Read at run time rather than imported: package.json sits outside src/ and dist/, one level up
// from both, so the compiled build needs no copy of it.
const packageJson = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

/** hookproof's version, from package.json. */
export const VERSION: string = packageJson.version;
