import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { CommandRegistration } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';
import { EXIT } from '../../src/cli/exitCodes';
import { memoryIO } from '../../src/cli/memoryIO';
import { createProgram } from '../../src/cli/program';
import { runCli } from '../../src/cli/runCli';
import { CONFIG_SCHEMA_PATH, configSections } from '../../src/config/configFile';

// The commands' real option definitions, with a run that only captures what they were given:
// the config file is about what reaches the options, not about certifying anything.
const SECRET = 'config-secret-value-0123456789';

function capturing(): { commands: CommandRegistration[]; seen: Map<string, Record<string, unknown>> } {
  const seen = new Map<string, Record<string, unknown>>();
  const commands = COMMANDS.map((registration) => ({
    ...registration,
    run: (parsed: Parameters<CommandRegistration['run']>[0]) => {
      seen.set(registration.name, parsed.opts());
      return Promise.resolve(EXIT.pass);
    },
  }));
  return { commands, seen };
}

async function parse(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; options: Record<string, unknown> | undefined; err: string }> {
  const { commands, seen } = capturing();
  const io = { ...memoryIO(), env: { GRIDX_WEBHOOK_SECRET: SECRET, GATEWAY_KEY: 'gw-key-from-env-77', ...env } };
  const code = await runCli(args, io, { commands });
  return { code, options: seen.get(args[0] ?? ''), err: io.stderr.join('\n') };
}

function configFile(document: unknown, name = 'hookproof.config.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-config-'));
  const path = join(dir, name);
  writeFileSync(path, name.endsWith('.json') ? JSON.stringify(document) : stringify(document));
  return path;
}

describe('hookproof.config.yaml|json', () => {
  it('every key of the published schema is an option of its command (the schema cannot drift from the commands)', () => {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const program = createProgram(COMMANDS, memoryIO(), () => undefined);
    expect(configSections().sort()).toEqual(['capacity', 'certify', 'fleet', 'listen', 'send']);
    for (const section of configSections()) {
      const command = program.commands.find((c) => c.name() === section);
      const attributes = new Set(command?.options.map((o) => o.attributeName()));
      const keys = Object.keys(schema.properties[section]?.properties ?? {}).map((key) => (key === 'headers' ? 'header' : key));
      expect([section, keys.filter((key) => !attributes.has(key))]).toEqual([section, []]);
      // Secrets go by the name of their variable only.
      expect(keys).not.toContain('secret');
    }
    const shared = Object.keys(schema.properties).filter((key) => schema.properties[key]?.properties === undefined && key !== '$schema');
    for (const key of shared) expect([key, configSections().some((s) => key in (schema.properties[s]?.properties ?? {}))]).toEqual([key, true]);
  });

  it("gives certify its settings (shared keys, then its section), through the options' own parsers", async () => {
    const path = configFile({
      url: 'https://staging.example.com/hooks/gridx',
      secretEnv: 'GRIDX_WEBHOOK_SECRET',
      types: ['ev/plugged', 'ev/unplugged'],
      headers: ['X-Gateway-Key: ${GATEWAY_KEY}', 'X-Tenant: acme'],
      certify: { runs: 20, checks: 'SIG-1,SIG-2', seed: 7 },
      capacity: { rate: '50/s' },
    });
    const run = await parse(['certify', '--config', path]);
    expect(run.err).toBe('');
    expect(run.options).toMatchObject({
      url: 'https://staging.example.com/hooks/gridx',
      secretEnv: ['GRIDX_WEBHOOK_SECRET'],
      types: ['ev/plugged', 'ev/unplugged'],
      header: { 'x-gateway-key': 'gw-key-from-env-77', 'x-tenant': 'acme' },
      runs: 20,
      checks: ['SIG-1,SIG-2'],
      seed: 7,
    });
  });

  it("reads the capacity: block (rate, duration, outage, findMax …) with the flags' units", async () => {
    const path = configFile(
      {
        url: 'http://127.0.0.1:9/',
        allowHttp: true,
        secretEnv: 'GRIDX_WEBHOOK_SECRET',
        capacity: { rate: '3000/m', duration: '2m', outage: '30s', findMax: true, maxRate: 500, maxInFlight: 64 },
      },
      'hookproof.config.json',
    );
    const run = await parse(['capacity', '--config', path]);
    expect(run.err).toBe('');
    expect(run.options).toMatchObject({ url: 'http://127.0.0.1:9/', allowHttp: true, rate: 50, duration: 120_000, outage: 30_000, findMax: true, maxRate: 500, maxInFlight: 64 });
  });

  it('reads a bare number as seconds, as the flags do and as the schema says', async () => {
    const path = configFile(
      { url: 'http://127.0.0.1:9/', allowHttp: true, secretEnv: 'GRIDX_WEBHOOK_SECRET', capacity: { rate: 5, duration: 2, outage: 3 } },
      'hookproof.config.json',
    );
    const run = await parse(['capacity', '--config', path]);
    expect(run.err).toBe('');
    expect(run.options).toMatchObject({ duration: 2000, outage: 3000 });
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as { properties: { capacity: { properties: Record<string, { description: string }> } } };
    expect(schema.properties.capacity.properties.duration?.description).toContain('a bare number is seconds');
  });

  it('keeps the capacity: block to capacity (a rate there, as init writes, never makes certify a capacity run); certify declares its own rate in its section, under the flags', async () => {
    const capacity = {
      url: 'https://other.example/h',
      reportDir: 'capacity-out',
      rate: '3000/m',
      duration: '2s',
      outage: '500ms',
      maxRate: 100,
      step: '1s',
      maxInFlight: 8,
      findMax: true,
    };
    const onlyCapacity = await parse(['certify', '--config', configFile({ url: 'https://staging.example.com/hooks/gridx', secretEnv: 'GRIDX_WEBHOOK_SECRET', capacity })]);
    expect(onlyCapacity.err).toBe('');
    expect(onlyCapacity.options).toMatchObject({ url: 'https://staging.example.com/hooks/gridx' });
    for (const key of ['rate', 'duration', 'outage', 'maxRate', 'step', 'maxInFlight', 'findMax']) expect(onlyCapacity.options).not.toHaveProperty(key);
    expect(onlyCapacity.options?.reportDir).not.toBe('capacity-out');

    const path = configFile({
      url: 'https://staging.example.com/hooks/gridx',
      secretEnv: 'GRIDX_WEBHOOK_SECRET',
      certify: { rate: '3000/m', duration: '2s', outage: '500ms', maxRate: 100, step: '1s', maxInFlight: 8 },
      capacity,
    });
    const run = await parse(['certify', '--config', path]);
    expect(run.err).toBe('');
    expect(run.options).toMatchObject({ url: 'https://staging.example.com/hooks/gridx', rate: 50, duration: 2000, outage: 500, maxRate: 100, step: 1000, maxInFlight: 8 });
    const flagged = await parse(['certify', '--config', path, '--rate', '20/s', '--duration', '1s']);
    expect(flagged.options).toMatchObject({ rate: 20, duration: 1000, outage: 500 });
    // A bad rate in the file is refused like the flag, naming the file and the key.
    const bad = await parse(['certify', '--config', configFile({ url: 'https://a.example/h', certify: { rate: 'fast' } })]);
    expect(bad.code).toBe(EXIT.error);
    expect(bad.err).toMatch(/capacity\.yaml|config\.yaml: certify\.rate: --rate must be a rate such as 50, 50\/s or 3000\/m, got "fast"/);
  });

  it('flags override the file, a repeatable one replacing (not extending) its list', async () => {
    const path = configFile({ url: 'https://a.example/h', secretEnv: ['GRIDX_WEBHOOK_SECRET'], types: 'ev/plugged', certify: { runs: 20 } });
    const run = await parse(['certify', '--config', path, '--url', 'https://b.example/h', '--secret-env', 'OTHER', '--types', 'ping', '--runs', '3']);
    expect(run.options).toMatchObject({ url: 'https://b.example/h', secretEnv: ['OTHER'], types: ['ping'], runs: 3 });
  });

  it('is found in the working directory without --config (yaml first); without one, nothing changes', async () => {
    const path = configFile({ url: 'https://found.example/h', secretEnv: 'GRIDX_WEBHOOK_SECRET' });
    const before = process.cwd();
    try {
      process.chdir(join(path, '..'));
      expect((await parse(['certify'])).options).toMatchObject({ url: 'https://found.example/h' });
      process.chdir(mkdtempSync(join(tmpdir(), 'hookproof-noconfig-')));
      const none = await parse(['certify']);
      expect([none.code, none.err]).toEqual([2, "hookproof: required option '--url <url>' not specified"]);
    } finally {
      process.chdir(before);
    }
  });

  it.each([
    [{ capacity: { rat: 5 } }, /: capacity\.rat is not a known key/],
    [{ capacity: { rate: true } }, /: capacity\.rate must be string or number$/],
    [{ certify: { runs: 'many' } }, /: certify\.runs must be integer$/],
    [{ capacity: { rate: 'fast' } }, /: capacity\.rate: /],
    [{ secret: SECRET }, /: secret is not a known key: secrets never go in the config file; name the environment variable/],
    [{ secretEnv: SECRET.replace(/-/g, '=') }, /: secretEnv takes the \*name\* of an environment variable .* was not printed$/],
    [{ headers: [`Authorization: Bearer ${SECRET}`] }, /header authorization holds a credential written in the file: put it in an environment variable/],
    [{ certify: { headers: ['X-Key: ${NOT_SET_ANYWHERE}'] } }, /header x-key reads \$\{NOT_SET_ANYWHERE\}, which is not set$/],
  ])('refuses %j in one line naming the key, never printing a value (exit 2)', async (document, message) => {
    const run = await parse(['capacity' in document ? 'capacity' : 'certify', '--config', configFile({ url: 'https://a.example/h', ...document })]);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toEqual([expect.stringMatching(message)]);
    expect(run.err).not.toContain(SECRET);
    expect(run.err).not.toContain(SECRET.replace(/-/g, '='));
  });

  it('refuses a file that is not YAML without quoting it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-config-'));
    writeFileSync(join(dir, 'hookproof.config.yaml'), `url: [${SECRET}\n  : :`);
    const run = await parse(['certify', '--config', join(dir, 'hookproof.config.yaml')]);
    expect([run.code, run.err]).toEqual([2, expect.stringMatching(/^hookproof: .*hookproof\.config\.yaml is not YAML or JSON/)]);
    expect(run.err).not.toContain(SECRET);
  });
});
