import { createEngine, sign } from '../../src';
import { judgeBody, judgeSignature } from '../../src/sender';
import { pingEvent } from '../cli/events';

const CURRENT = 'current-secret-8f2d';
const OLDER = 'older-secret-1b9c';
const event = pingEvent();
const pretty = Buffer.from(`${JSON.stringify(event, null, 1)}\n`);

describe('judgeSignature (SND-2)', () => {
  it('accepts a digest for the current secret, alone or beside older ones', () => {
    expect(judgeSignature(pretty, sign(pretty, [CURRENT]), [CURRENT])).toEqual({ ok: true, digests: 1 });
    expect(judgeSignature(pretty, sign(pretty, [OLDER, CURRENT]), [CURRENT, OLDER])).toEqual({ ok: true, digests: 2 });
  });

  it('refuses a header signed only with an older secret', () => {
    expect(judgeSignature(pretty, sign(pretty, [OLDER]), [CURRENT, OLDER])).toMatchObject({ ok: false, fault: 'older-secret-only' });
  });

  it('refuses a missing, malformed or over-long header', () => {
    expect(judgeSignature(pretty, undefined, [CURRENT])).toMatchObject({ ok: false, fault: 'missing' });
    expect(judgeSignature(pretty, `sha256=${'a'.repeat(64)}`, [CURRENT])).toMatchObject({ ok: false, fault: 'malformed', detail: expect.stringContaining('"sha256="') });
    const six = sign(pretty, ['a', 'b', 'c', 'd', 'e', CURRENT]);
    expect(judgeSignature(pretty, six, [CURRENT])).toMatchObject({ ok: false, fault: 'too-many-digests' });
  });

  it('says when the sender signed re-serialised JSON instead of the bytes it sent', () => {
    const judgement = judgeSignature(pretty, sign(JSON.stringify(event), [CURRENT]), [CURRENT]);
    expect(judgement).toMatchObject({ ok: false, fault: 'no-match' });
    expect(judgement.ok ? '' : judgement.detail).toContain('a digest matches the body re-serialised as JSON (JSON.stringify), not the exact bytes sent');
  });

  it('says when the sender signed the body without its trailing newline', () => {
    const judgement = judgeSignature(pretty, sign(pretty.toString().trimEnd(), [CURRENT]), [CURRENT]);
    expect(judgement.ok ? '' : judgement.detail).toContain('the body without its trailing whitespace');
  });

  it('refuses another secret without guessing', () => {
    expect(judgeSignature(pretty, sign(pretty, ['nope']), [CURRENT])).toEqual({
      ok: false,
      fault: 'no-match',
      detail: 'no digest matches the current secret over the bytes received',
    });
  });
});

describe('judgeBody (SND-1)', () => {
  const { validators } = createEngine();

  it('accepts a valid event sent as JSON (a charset parameter is fine)', () => {
    expect(judgeBody(pretty, 'application/json; charset=utf-8', validators)).toEqual({ ok: true });
  });

  it('lists schema issues and a wrong media type', () => {
    const judgement = judgeBody(Buffer.from(JSON.stringify({ ...event, data: { message: 42 } })), 'application.json', validators);
    expect(judgement).toEqual({ ok: false, issues: ['content-type is "application.json"; expected application/json', '/data/message must be string'] });
    expect(judgeBody(Buffer.from('not json'), 'application/json', validators)).toMatchObject({ ok: false, issues: [expect.stringContaining('not JSON')] });
  });
});
