import packageJson from '../package.json';

/** hookproof's version, from package.json. */
export const VERSION: string = packageJson.version;
