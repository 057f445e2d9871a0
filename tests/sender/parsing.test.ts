import fc from 'fast-check';
import { OPTION_RANGES } from '../../src/optionRanges';
import { UsageError } from '../../src/errors';
import { parseDuration } from '../../src/cli/parseDuration';
import { applyAssignments, parseAssignment, parseRespondScript, scriptedStatus } from '../../src/sender';

describe('--respond scripts', () => {
  it('expands repetitions, and repeats the last step for every later attempt', () => {
    const script = parseRespondScript('503x2, 204');
    expect(script).toEqual({ source: '503x2,204', steps: [503, 503, 204] });
    expect([1, 2, 3, 4, 9].map((attempt) => scriptedStatus(script, attempt))).toEqual([503, 503, 204, 204, 204]);
    expect(parseRespondScript('503,503,204').steps).toEqual([503, 503, 204]);
    expect(scriptedStatus(parseRespondScript('410'), 1)).toBe(410);
  });

  it.each(['', '20', '1000', '199', '600', '503x0', '503,,204', 'ok', '503x', '503*2'])('refuses %p with a one-line usage error', (text) => {
    expect(() => parseRespondScript(text)).toThrow(UsageError);
  });

  it('refuses scripts longer than 100 steps', () => {
    expect(() => parseRespondScript('503x999')).toThrow(/more than 100 steps/);
  });
});

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    ['3', 3000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration('--for', text)).toBe(ms);
  });

  it.each(['0', '0s', '-1s', '2 days', 'soon', ''])('refuses %p', (text) => {
    expect(() => parseDuration('--for', text)).toThrow(/--for must be a positive duration/);
  });

  // The bounds are the options' OPTION_RANGES entries, not a second copy of them.
  it.each(['--for', '--retry-window'] as const)('%s accepts exactly the milliseconds of its OPTION_RANGES entry', (option) => {
    const { min, max } = OPTION_RANGES[option];
    fc.assert(fc.property(fc.integer({ min, max }), (ms) => parseDuration(option, `${ms}ms`) === ms));
    expect(() => parseDuration(option, `${min - 1}ms`)).toThrow(new RegExp(`^${option} must be a positive duration`));
    expect(() => parseDuration(option, `${max + 1}ms`)).toThrow(new RegExp(`^${option} must be at most ${max} ms \\(about 24 days\\), got "${max + 1}ms"$`));
  });
});

describe('--set path=value', () => {
  const event = { id: 'a', type: 'ev/plugged', data: { state: 'PLUGGED', list: [1, 2] } };

  it('parses values as JSON when they parse, else as text', () => {
    expect(parseAssignment('data.state=UNPLUGGED')).toMatchObject({ path: ['data', 'state'], value: 'UNPLUGGED' });
    expect(parseAssignment('data.power=-12.5').value).toBe(-12.5);
    expect(parseAssignment('data.x="12"').value).toBe('12');
    expect(parseAssignment('data.x=true').value).toBe(true);
    expect(parseAssignment('data.x=null').value).toBeNull();
    expect(parseAssignment('data.x={"a":[1]}').value).toEqual({ a: [1] });
    expect(parseAssignment('data.x=').value).toBe('');
    expect(parseAssignment('data.url=a=b').value).toBe('a=b');
  });

  it('sets nested fields on a copy, creating missing objects and indexing arrays', () => {
    const changed = applyAssignments(event, ['data.state=UNPLUGGED', 'data.new.deep=1', 'data.list.1=5', 'correlationID=x'].map(parseAssignment));
    expect(changed).toEqual({ id: 'a', type: 'ev/plugged', data: { state: 'UNPLUGGED', new: { deep: 1 }, list: [1, 5] }, correlationID: 'x' });
    expect(event.data.state).toBe('PLUGGED');
  });

  it.each(['data.state', '=x', 'data..state=x', '.x=1', '__proto__.polluted=1', 'a.constructor.prototype=1'])('refuses %p', (text) => {
    expect(() => parseAssignment(text)).toThrow(UsageError);
  });

  it('refuses to go through a value that is not an object', () => {
    expect(() => applyAssignments(event, [parseAssignment('data.state.x=1')])).toThrow('cannot apply --set data.state.x=1: data.state is a string, not an object');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
