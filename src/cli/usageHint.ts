import { CommanderError } from 'commander';

/** Options that take a comma-separated list (each may also be repeated). */
const LIST_OPTIONS = ['--types', '--checks'];
/** What partners type for the receiver URL, from other tools (Schemathesis, the Stripe CLI, curl). */
const URL_LOOKALIKES = new Set(['--target', '-u', '--base-url', '--endpoint']);

const looksLikeUrl = (word: string): boolean => /^https?:\/\//i.test(word);

/**
 * A suggestion for a commander usage error, from the words the user typed: `--url` when they gave
 * the URL another way (`--target URL`, `-u URL`, a bare URL), a comma-separated list when they
 * gave a list as separate words. Undefined when there is nothing better to say than commander.
 */
export function usageHint(error: CommanderError, argv: readonly string[]): string | undefined {
  if (error.code === 'commander.missingMandatoryOptionValue' && error.message.includes("'--url <url>'")) {
    // Commander checks options before arguments: `replay report.json` would only hear about --url.
    if (argv[0] === 'replay' && positionals(argv.slice(1)).length < 2) {
      return 'replay needs the report, the case id and --url: hookproof replay report.json sig-wrong-secret#1 --url URL (the ids are in the report, beside each failure)';
    }
    const flag = argv.findIndex((word) => URL_LOOKALIKES.has(word.split('=')[0] ?? word));
    const flagWord = flag >= 0 ? (argv[flag] ?? '') : undefined;
    const given = flagWord === undefined ? argv.find(looksLikeUrl) : flagWord.includes('=') ? flagWord.slice(flagWord.indexOf('=') + 1) : argv[flag + 1];
    if (given !== undefined && given !== '') {
      const how = flagWord !== undefined ? `${flagWord.split('=')[0] ?? flagWord} is not an option of hookproof` : 'the URL is not a positional argument';
      return `${how}: give it as --url ${given}`;
    }
    return undefined;
  }
  if (error.code === 'commander.excessArguments') {
    for (const [i, word] of argv.entries()) {
      if (!LIST_OPTIONS.includes(word)) continue;
      const values: string[] = [];
      for (let j = i + 1; j < argv.length && !(argv[j] ?? '-').startsWith('-'); j++) values.push(argv[j] ?? '');
      if (values.length > 1) return `lists are comma-separated: ${word} ${values.join(',')}`;
    }
    if (argv.some(looksLikeUrl) && !argv.includes('--url')) return `give the URL as --url ${argv.find(looksLikeUrl) ?? ''}`;
  }
  return undefined;
}

/** The words that are neither options nor, roughly, their values (a value follows an option without '='). */
function positionals(words: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.startsWith('-')) {
      if (!word.includes('=')) i++;
      continue;
    }
    found.push(word);
  }
  return found;
}

/** The error's message with the hint appended (one line), or the error unchanged. */
export function withUsageHint(error: unknown, argv: readonly string[]): unknown {
  if (!(error instanceof CommanderError)) return error;
  const hint = usageHint(error, argv);
  if (hint === undefined) return error;
  const hinted = new CommanderError(error.exitCode, error.code, `${error.message.replace(/\.$/, '')}; ${hint}`);
  return hinted;
}
