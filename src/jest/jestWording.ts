import type { OptionWording } from '../runner/validateTarget';

/**
 * The adapter's own option names in a refusal: in a jest file there are no flags, and
 * HOOKPROOF_SECRET is read only by the CLI.
 */
export const JEST_WORDING: OptionWording = {
  secret: 'set the option secret (e.g. secret: process.env.GRIDX_WEBHOOK_SECRET, and check that variable is set), or secrets: [current, next] during a rotation',
  allowHttp: 'set the option allowHttp: true',
};
