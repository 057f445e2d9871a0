import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { pointerSegments } from '../../../src/jsonPointer';

/**
 * One edit of the spec, at a JSON pointer. `add` puts a new key in a map (before the key `before`,
 * else last) or a new item in a list (at the index the pointer ends with, or last for `-`);
 * `replace` changes the value already there.
 */
export type SpecEdit =
  { readonly op: 'add'; readonly path: string; readonly value: unknown; readonly before?: string } | { readonly op: 'replace'; readonly path: string; readonly value: unknown };

const SPEC = join(__dirname, '..', '..', '..', 'spec', 'webhook-events.yaml');

/** The variants `hookproof diff` is tested with: the project's spec plus one kind of change each. */
export const VARIANTS = {
  /** EVChargeSessionEventData.state gains PAUSED: breaks receivers built for the spec. */
  'enum-value-added': [{ op: 'add', path: '/components/schemas/EVChargeSessionEventData/allOf/2/properties/state/enum/-', value: 'PAUSED' }],
  /** GatewayEventData.gatewayName becomes required: breaks senders built for the spec. */
  'field-required': [{ op: 'add', path: '/components/schemas/GatewayEventData/required/1', value: 'gatewayName' }],
  /** EVMeasurementEventData.stateOfCharge narrows from number to integer: breaks senders. */
  'type-narrowed': [{ op: 'replace', path: '/components/schemas/EVMeasurementEventData/allOf/2/properties/stateOfCharge/type', value: 'integer' }],
  /**
   * Additive only, so it breaks no one: the optional CloudEvents `subject` on every event, an
   * optional `connectorID` on ev/plugged data, a new type gateway/update, a reworded description.
   */
  additive: [
    {
      op: 'add',
      path: '/components/schemas/WebhookEventBase/properties/subject',
      before: 'correlationID',
      value: {
        description: 'The subject of the event in the context of the event source (CloudEvents `subject`).',
        example: '/appliances/fc0a6ac7-64ce-4276-a7cd-bace946af433',
        type: 'string',
      },
    },
    {
      op: 'add',
      path: '/components/schemas/WebhookEventRequest/discriminator/mapping/gateway~1update',
      before: 'grid-signal-processor/limitation-of-power-consumption/set',
      value: '#/components/schemas/GatewayEvent',
    },
    {
      op: 'add',
      path: '/components/schemas/EVPluggedEventData/allOf/2/properties/connectorID',
      value: { type: 'string', description: 'ID of the charging station connector the vehicle is plugged into, when known.' },
    },
    { op: 'add', path: '/components/schemas/GatewayEvent/allOf/1/properties/type/enum/-', value: 'gateway/update' },
    {
      op: 'replace',
      path: '/components/schemas/GatewayEventData/properties/gatewayName/description',
      value: 'The name of the gateway with this gatewayID, as the customer set it.',
    },
  ],
} as const satisfies Record<string, readonly SpecEdit[]>;

export type VariantName = keyof typeof VARIANTS;

/** Applies `edit` to `doc`, failing loudly when the pointer does not name what the edit expects. */
function apply(doc: Document, edit: SpecEdit): void {
  const segments = pointerSegments(edit.path);
  const last = segments.pop();
  const parent = doc.getIn(segments, true);
  if (last === undefined) throw new Error(`${edit.path}: an edit needs a non-empty pointer`);
  if (isSeq(parent)) {
    const index = last === '-' ? parent.items.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.items.length) throw new Error(`${edit.path}: no list index ${last}`);
    if (edit.op === 'replace') parent.items[index] = doc.createNode(edit.value);
    else parent.items.splice(index, 0, doc.createNode(edit.value));
    return;
  }
  if (!isMap(parent)) throw new Error(`${edit.path}: the parent is neither a map nor a list`);
  const exists = parent.has(last);
  if (edit.op === 'replace') {
    if (!exists) throw new Error(`${edit.path}: nothing to replace`);
    parent.set(last, doc.createNode(edit.value));
    return;
  }
  if (exists) throw new Error(`${edit.path}: already there`);
  const pair = doc.createPair(last, edit.value);
  const at = edit.before === undefined ? -1 : parent.items.findIndex((p) => (p.key as { value?: unknown } | null)?.value === edit.before);
  if (edit.before !== undefined && at < 0) throw new Error(`${edit.path}: no key ${edit.before} to insert before`);
  if (at < 0) parent.items.push(pair);
  else parent.items.splice(at, 0, pair);
}

let dir: string | undefined;

/** The spec with `edits` applied, as YAML text. */
export function variantText(edits: readonly SpecEdit[]): string {
  const doc = parseDocument(readFileSync(SPEC, 'utf8'));
  for (const edit of edits) apply(doc, edit);
  return doc.toString();
}

/**
 * The path of a spec file with the variant's edits applied: the code under test reads specs from
 * files. Written once per test file, into a temporary directory.
 */
export function variantPath(name: VariantName): string {
  dir ??= mkdtempSync(join(tmpdir(), 'hookproof-spec-variants-'));
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, variantText(VARIANTS[name]));
  return path;
}
