import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runValidate, type EntryResult } from '../../src/cli/commands/validate';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { InputUnreadableError, UnknownEventTypeError, UsageError } from '../../src/errors';
import { gatewayOnlineEvent, pingEvent } from './events';
import { REAL_SPEC } from './paths';

const dir = mkdtempSync(join(tmpdir(), 'hookproof-validate-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const options = (input: string, extra: { type?: string; json?: boolean } = {}) => ({ spec: REAL_SPEC, input, type: extra.type, json: extra.json ?? false });

describe('validate', () => {
  it('accepts one valid event and exits 0', async () => {
    const io = memoryIO();
    expect(await runValidate(options(file('one.json', JSON.stringify(pingEvent()))), io)).toBe(0);
    expect(io.stdout).toEqual(['ok  1  ping', '1 valid, 0 invalid']);
  });

  it('prints every issue of an invalid event, with pointers, and exits 1', async () => {
    const io = memoryIO();
    const event = pingEvent({ id: 'not-a-uuid', time: undefined });
    expect(await runValidate(options(file('bad.json', JSON.stringify(event))), io)).toBe(1);
    expect(io.stdout).toEqual([
      'invalid  1  ping  /time: the event must have required property "time"',
      'invalid  1  ping  /id: /id must match format "uuid"',
      '0 valid, 1 invalid',
    ]);
  });

  it('validates a JSON array by position', async () => {
    const io = memoryIO();
    const path = file('array.json', JSON.stringify([pingEvent(), gatewayOnlineEvent(), { type: 'nope' }]));
    expect(await runValidate(options(path), io)).toBe(1);
    expect(io.stdout[0]).toBe('ok  1  ping');
    expect(io.stdout[1]).toBe('ok  2  gateway/online');
    expect(io.stdout[2]).toMatch(/^invalid {2}3 {2}nope {2}\/type: \/type "nope" is not an event type of the spec/);
    expect(io.stdout.at(-1)).toBe('2 valid, 1 invalid');
  });

  it('validates NDJSON by line number, reporting lines that are not JSON', async () => {
    const io = memoryIO();
    const path = file('events.ndjson', `${JSON.stringify(pingEvent())}\n\n{oops\n${JSON.stringify(gatewayOnlineEvent())}\n`);
    expect(await runValidate(options(path), io)).toBe(1);
    expect(io.stdout).toEqual(['ok  1  ping', expect.stringMatching(/^invalid {2}3 {2}- {2}\(root\): line 3 is not JSON: /), 'ok  4  gateway/online', '2 valid, 1 invalid']);
  });

  it('reports a value that is not an object', async () => {
    const io = memoryIO();
    await runValidate(options(file('number.json', '42')), io);
    expect(io.stdout[0]).toBe('invalid  1  -  (root): the event must be a JSON object, got integer');
  });

  it('validates as --type when asked', async () => {
    const io = memoryIO();
    expect(await runValidate(options(file('as.json', JSON.stringify(pingEvent())), { type: 'gateway/online' }), io)).toBe(1);
    expect(io.stdout).toContain('invalid  1  gateway/online  /type: /type must be "gateway/online"');
  });

  it('reads standard input for "-"', async () => {
    const io = memoryIO(`${JSON.stringify(pingEvent())}\n${JSON.stringify(pingEvent())}\n`);
    expect(await runValidate(options('-'), io)).toBe(0);
    expect(io.stdout).toEqual(['ok  1  ping', 'ok  2  ping', '2 valid, 0 invalid']);
  });

  it('prints results as JSON with --json', async () => {
    const io = memoryIO(JSON.stringify([pingEvent(), pingEvent({ data: 'x' })]));
    expect(await runValidate(options('-', { json: true }), io)).toBe(1);
    const out = JSON.parse(io.stdout.join('\n')) as { input: string; valid: number; invalid: number; results: EntryResult[] };
    expect(out).toMatchObject({ input: '<stdin>', valid: 1, invalid: 1 });
    expect(out.results[1]).toMatchObject({ n: 2, type: 'ping', valid: false, issues: [{ pointer: '/data', keyword: 'type' }] });
  });

  it('refuses a missing file with InputUnreadableError', async () => {
    await expect(runValidate(options(join(dir, 'missing.json')), memoryIO())).rejects.toBeInstanceOf(InputUnreadableError);
  });

  it('refuses an empty input', async () => {
    await expect(runValidate(options('-'), memoryIO(''))).rejects.toThrow(new UsageError('no events in <stdin> (it is empty)'));
  });

  it('refuses an unknown --type before reading the input', async () => {
    const io = memoryIO();
    io.stdin = () => Promise.reject(new Error('stdin must not be read'));
    await expect(runValidate(options('-', { type: 'battery/health' }), io)).rejects.toBeInstanceOf(UnknownEventTypeError);
  });

  it('exits 2 with one line for a missing file through the CLI', async () => {
    const io = memoryIO();
    expect(await runCli(['validate', join(dir, 'missing.json')], io)).toBe(2);
    expect(io.stderr).toEqual([`hookproof: cannot read ${join(dir, 'missing.json')}: ENOENT: no such file or directory`]);
  });
});
