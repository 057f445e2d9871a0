/**
 * CSI escape sequences as the Pact core and CLI write them: colours (`ESC[31m`), cursor moves and
 * erases (`ESC[2K`, `ESC[?25l`).
 */
// eslint-disable-next-line no-control-regex -- ESC (\u001b) starts every ANSI sequence: matching it is the point.
const ANSI_CSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/**
 * `text` without its ANSI escape sequences, for output hookproof reads or quotes from another tool
 * (the Pact CLI's, the Pact core's mismatch messages). Text a peer sent is escaped with
 * `terminalSafe` instead, so a reader sees what was there.
 */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_CSI, '');
}
