import type { AnyStatus } from '../text/statusLabel';

/** Moves to the start of the line and clears it: how a live status line is redrawn. */
export const CLEAR_LINE = '\r\x1b[2K';

const CODES = { red: 31, green: 32, yellow: 33, grey: 90, bold: 1 } as const;

/** A colouring function: identity when colour is off, so callers never branch on it. */
export type Paint = (style: keyof typeof CODES, text: string) => string;

/** A {@link Paint} that adds ANSI colour codes, or leaves text as it is when `color` is false. */
export function painter(color: boolean): Paint {
  return color ? (style, text) => `\x1b[${CODES[style]}m${text}\x1b[0m` : (_style, text) => text;
}

/** The colour of a status word. */
export function statusStyle(status: AnyStatus): keyof typeof CODES {
  switch (status) {
    case 'pass':
      return 'green';
    case 'fail':
      return 'red';
    case 'warn':
      return 'yellow';
    default:
      return 'grey';
  }
}

/**
 * Colour by default on a terminal, unless NO_COLOR is set (https://no-color.org). FORCE_COLOR
 * (anything but empty, `0` or `false`) turns it on where there is no terminal, e.g. a CI log that
 * renders ANSI; as in Node.js itself, it takes precedence over NO_COLOR.
 */
export function defaultColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false' && force !== '' ? true : false;
  return isTTY === true && (env.NO_COLOR ?? '') === '';
}
