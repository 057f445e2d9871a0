import { selectEventTypes } from '../../schemas/selectEventTypes';
import fc from 'fast-check';
import { eventArbitrary } from '../../arbitraries/events';
import { ancestorPointers, valueAt } from '../../arbitraries/pointer';
import type { Engine } from '../../engine';
import type { EventType } from '../../schemas/catalogue';
import { isSchemaObject } from '../../spec/types';
import { locateField, type FieldLocation } from './fieldLocation';
import { schemaTypes } from '../../schemas/schemaTypes';
import type { MessageFinding, MessageVerdict } from './messageReport';
import type { PactMessage } from './messagePactFile';
import { describeRule, preview, ruleAccepts } from './ruleAccepts';
import { upperCaseUuids } from './upperCaseUuids';
import { parseRulePath, ruleFor, rulePointer } from './rulePath';
import { escapePointerSegment } from '../../jsonPointer';

export interface VerifyMessageOptions {
  /** Generated events of the message's type to check the rules against. */
  readonly runs: number;
  readonly seed: number;
}

/**
 * Verifies one message from the sender's side: any content type it declares (contents or metadata)
 * must be the one gridX sends, it must name an event type of the spec, every field it relies on
 * must be one the spec promises, its example must be part of a valid event, and its matching rules
 * must accept the events gridX may send (drawn from the engine's generators, uuids in both cases).
 */
export function verifyMessage(engine: Engine, message: PactMessage, options: VerifyMessageOptions): MessageVerdict {
  // What the message declares about its content type is checked first, whatever the body.
  const typeFindings = contentTypeFindings(message, engine.catalogue.mediaType);
  const verdict = (type: string | undefined, fields: string[], bodyFindings: MessageFinding[], eventsChecked = 0): MessageVerdict => {
    const findings = [...typeFindings, ...bodyFindings];
    return {
      description: message.description,
      type,
      status: findings.some((f) => f.severity === 'error') ? 'fail' : findings.length > 0 ? 'warn' : 'pass',
      fields,
      findings,
      eventsChecked,
    };
  };
  const content = message.content;
  if (!isSchemaObject(content)) {
    return verdict(undefined, [], [error('not-json', '', message.contentIssue ?? 'the message body is not a JSON object, so it cannot be a gridX event')]);
  }
  const discriminator = engine.catalogue.discriminator;
  const type = content[discriminator];
  if (typeof type !== 'string') {
    return verdict(
      undefined,
      [],
      [error('no-type', `/${escapePointerSegment(discriminator)}`, `the message does not say which event it expects: its body has no "${discriminator}" string`)],
    );
  }
  if (!engine.catalogue.has(type)) {
    const known = selectEventTypes(engine.catalogue).map((t) => t.type);
    return verdict(type, [], [error('unknown-type', `/${escapePointerSegment(discriminator)}`, `gridX never sends "${type}" events: the spec defines ${known.join(', ')}`)]);
  }
  const eventType = engine.catalogue.get(type);
  const fields = reliedFields(content, message);
  const located = new Map(fields.map((p) => [p, locateField(eventType.schema, p)]));
  const findings: MessageFinding[] = [];
  if (eventType.deprecated) findings.push(warning('deprecated-type', `/${escapePointerSegment(discriminator)}`, `${type} is deprecated in the spec: gridX may stop sending it`));
  findings.push(...promiseFindings(type, located));
  findings.push(...exampleFindings(engine, eventType, content, located, options.seed));
  const present = [...located.values()].filter((l) => l.promise !== 'absent');
  const forcePresent = new Set(present.flatMap((l) => [l.pointer, ...ancestorPointers(l.pointer)]));
  const sampled = fc.sample(eventArbitrary(eventType, { forcePresent }), { seed: options.seed, numRuns: options.runs });
  // The spec's uuid format allows upper-case hex: every other event carries its uuids upper-cased.
  const events = sampled.map((event, i) => (i % 2 === 1 ? upperCaseUuids(eventType.schema, event) : event));
  findings.push(...ruleFindings(message, content, present, events));
  return verdict(type, fields, findings, events.length);
}

/** Every field of the body (objects and leaves) and every field a rule names, as JSON pointers. */
function reliedFields(content: Record<string, unknown>, message: PactMessage): string[] {
  const fields = new Set<string>();
  const visit = (value: unknown, pointer: string): void => {
    if (pointer !== '') fields.add(pointer);
    if (isSchemaObject(value)) for (const [key, sub] of Object.entries(value)) visit(sub, `${pointer}/${escapePointerSegment(key)}`);
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${pointer}/${i}`));
  };
  visit(content, '');
  for (const rule of message.rules) {
    const steps = parseRulePath(rule.path);
    const pointer = steps === undefined ? undefined : rulePointer(steps);
    if (pointer !== undefined && pointer !== '') fields.add(pointer);
  }
  return [...fields];
}

/** Fields the spec does not have (errors) or may leave out (warnings), each reported at its top-most field. */
function promiseFindings(type: string, located: ReadonlyMap<string, FieldLocation>): MessageFinding[] {
  const findings: MessageFinding[] = [];
  const topMost = (pointer: string, promise: 'absent' | 'optional'): boolean =>
    !ancestorPointers(pointer).some((a) => located.get(a)?.promise === promise || (promise === 'optional' && located.get(a)?.promise === 'absent'));
  for (const [pointer, field] of located) {
    if (field.promise === 'absent' && topMost(pointer, 'absent')) {
      findings.push(error('not-in-spec', pointer, `the receiver relies on it, but the spec has no such field in ${type} events`));
    } else if (field.promise === 'optional' && topMost(pointer, 'optional')) {
      findings.push(warning('optional', pointer, 'the receiver relies on it, but the spec lets gridX omit it'));
    }
  }
  return findings;
}

/** The example completed to a whole event (a seeded valid one under it) must validate. */
function exampleFindings(engine: Engine, eventType: EventType, content: Record<string, unknown>, located: ReadonlyMap<string, FieldLocation>, seed: number): MessageFinding[] {
  const described = [...located.values()].filter((l) => l.promise !== 'absent').map((l) => l.pointer);
  const forcePresent = new Set(described.flatMap((p) => [p, ...ancestorPointers(p)]));
  const [base] = fc.sample(eventArbitrary(eventType, { presence: 'minimal', forcePresent }), { seed, numRuns: 1 });
  const absent = new Set([...located.values()].filter((l) => l.promise === 'absent').map((l) => l.pointer));
  const merged = overlay(base, content, '', absent);
  const result = engine.validators.validateAs(eventType.type, merged);
  if (result.valid) return [];
  return result.issues.map((issue) => error('invalid-example', issue.pointer, `the receiver's example is not something gridX may send: ${issue.message}`));
}

/** `base` with the values of `over` laid on top, objects merged key by key, skipping `skip` pointers. */
function overlay(base: unknown, over: unknown, pointer: string, skip: ReadonlySet<string>): unknown {
  if (!isSchemaObject(over)) return over;
  const out: Record<string, unknown> = isSchemaObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(over)) {
    const path = `${pointer}/${escapePointerSegment(key)}`;
    if (!skip.has(path)) out[key] = overlay(out[key], value, path, skip);
  }
  return out;
}

/**
 * Each field's rule (or, without one, equality with the example) must accept the example and the
 * values in the generated events; the first counterexample per field is reported.
 */
function ruleFindings(message: PactMessage, content: Record<string, unknown>, present: readonly FieldLocation[], events: readonly unknown[]): MessageFinding[] {
  const findings: MessageFinding[] = [];
  for (const field of present) {
    const rule = ruleFor(message.rules, field.pointer);
    const example = valueAt(content, field.pointer);
    const isStructure = isSchemaObject(example) && (rule === undefined || rule.matchers.every((m) => m.match === 'type'));
    if (example === undefined || isStructure) continue; // objects are matched by their own fields
    const own = ruleAccepts(rule, example, example);
    if (own.ok === false) {
      findings.push(error('example-breaks-rule', field.pointer, `the example ${preview(example)} fails its own rule: ${own.reason}`));
      continue;
    }
    const nullable = field.schema !== undefined && schemaTypes(field.schema, { inferred: true }).includes('null');
    let nullRejected = false;
    for (const event of events) {
      const actual = valueAt(event, field.pointer);
      if (actual === undefined) continue;
      const verdict = ruleAccepts(rule, actual, example);
      if (verdict.ok === true) continue;
      if (verdict.ok === 'unchecked') {
        findings.push(warning('unchecked-rule', field.pointer, `${verdict.reason}; check this field by hand`));
        break;
      }
      if (actual === null && nullable) {
        nullRejected = true;
        continue;
      }
      findings.push(
        rule === undefined
          ? error(
              'exact-value',
              field.pointer,
              `the receiver expects exactly ${preview(example)}, but gridX may send other values (e.g. ${preview(actual)}): the contract needs a matcher here`,
            )
          : error('rule-rejects', field.pointer, `gridX may send ${preview(actual)}, which the receiver's rule rejects: ${verdict.reason}`),
      );
      nullRejected = false;
      break;
    }
    if (nullRejected) findings.push(warning('nullable', field.pointer, `the spec lets gridX send null here, which the receiver's rule (${describeRule(rule)}) rejects`));
  }
  return findings;
}

/** A declared content type other than the one gridX sends (parameters such as charset aside). */
function contentTypeFindings(message: PactMessage, mediaType: string): MessageFinding[] {
  const essence = (type: string): string => (type.split(';')[0] ?? '').trim().toLowerCase();
  const wrong = [...new Set(message.contentTypes)].filter((type) => essence(type) !== essence(mediaType));
  return wrong.map((type) => error('content-type', '', `the message declares content type ${type}, but gridX sends ${mediaType}`));
}

function error(code: MessageFinding['code'], pointer: string, message: string): MessageFinding {
  return { severity: 'error', code, pointer, message };
}

function warning(code: MessageFinding['code'], pointer: string, message: string): MessageFinding {
  return { severity: 'warning', code, pointer, message };
}
